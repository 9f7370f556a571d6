#include "pipeline/stop_signals.h"

#include <csignal>
#include <initializer_list>

namespace storyline {
namespace {

volatile std::sig_atomic_t stop_signal = 0;

void RecordStopSignal(int signal) { stop_signal = signal; }

}  // namespace

void StopOnSignals() {
  struct sigaction action {};
  action.sa_handler = RecordStopSignal;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (const int signal : {SIGINT, SIGTERM}) sigaction(signal, &action, nullptr);
}

int StopSignal() { return stop_signal; }

}  // namespace storyline
