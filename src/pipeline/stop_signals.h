// SIGINT and SIGTERM as the long-running commands (`ingest`, `follow`) take them: the
// handler only records the signal, and the command, seeing it between articles, stops
// taking new work, stores and places the articles in hand, and ends as a finished run
// would. The handler is installed once (SA_RESETHAND): a second signal ends the process
// at once, and the next run places what that one stored (store/story_updater.h).
#pragma once

namespace storyline {

// Installs the handler for SIGINT and SIGTERM.
void StopOnSignals();

// The signal that asked the run to stop, 0 while none has.
int StopSignal();

}  // namespace storyline
