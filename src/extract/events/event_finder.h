// Finds the events an article reports: who called, met, said, proposed, demanded,
// accepted, rejected, released, attacked, withdrew or delivered aid, when and where.
//
// Triggers are verbs and event nouns from the lexicon (event_lexicon.h), told apart by
// their part-of-speech tags. Each trigger's actors come first from the entity mentions
// around it, by position:
//   - agent: the entity that heads the subject phrase right before a verb ("Hamas
//     said"), skipping auxiliaries and adverbs ("Biden will also speak"); every entity
//     of a coordinated subject ("Biden and Netanyahu met"); for a passive verb, the
//     entity after "by". For a noun, a possessive ("Netanyahu's refusal"), "between X
//     and Y", or the subject of a light verb that takes it ("Biden held a call").
//     A pronoun subject of an active verb ("He spoke with Netanyahu") or a possessive
//     pronoun before a noun other than a call or meeting ("its strikes") stands for its
//     antecedent (pronoun_antecedents.h), when one is found;
//   - partner (CALL and MEET): the entity after "with"/"to", or the named object ("met
//     Netanyahu"); with a coordinated subject, every entity after the first;
//   - patient (other types): the named object of the verb, or of "of"/"on"/"against"
//     after a noun ("release of ...", "strikes on Rafah").
// An entity counts when the phrase ends in it ("Israeli Prime Minister Benjamin
// Netanyahu"), not when it only modifies another head ("a senior Biden official").
// A role the position rules leave empty is filled from the dependency parse, where the
// sentence has one: the nsubj of a verb past words the position rules stop at ("The
// Union on Monday rejected", "Brennan, chief negotiator for ..., said"), the noun a
// past-tense relative clause modifies ("Ruiz, who met Okafor"), the subject a
// coordinated or planned verb shares; for a passive, nsubj:pass (patient) and obl:agent;
// obl "with" or a non-place obj (partner), obj (patient); for a noun, nmod:poss and nmod
// "by"/"between"/"with"/"of"/"on"/"against". Conjuncts count only with "and"/"or", and a
// subject before a dash (a dateline) never does. A time or place inside a relative
// clause that does not hold the trigger is not the event's ("Qatar, which hosts ... in
// Doha, declared").
//
// The time is the nearest resolved DATE or TIME expression of the sentence among those
// attached to the trigger (event_attachment.h: the nearest trigger of the same clause
// takes them, so "Israel has destroyed 150 tunnels, Gallant said Wednesday" dates only
// the statement); the place likewise is the nearest attached PLACE after "in"/"at".
// Neither falls back to the article's date: an event the text does not date stays
// undated, unless its sentence points back to a dated statement with a noun for the
// same act ("The White House announced on Thursday ... The announcement was made after
// Biden held a phone call" dates the call).
//
// A STATEMENT verb carries its `content`, what was said: the clause after the verb
// (after "that" when it comes within a few words), or the clause before the comma when
// the subject follows it ("Harris joined the call, the White House said"). Times and
// places inside the content belong to the words said, not to the statement. A second
// verb of saying by the same speakers in one sentence is the same statement.
//
// `planned` marks an event put in the future or made conditional ("will speak", "is
// scheduled to visit", "would withdraw", "the upcoming call").
//
// A CALL or MEET noun that only points back ("the call", "during their call", "the
// talks") to an earlier one with actors is folded into it rather than reported again:
// its actors join as partners ("Harris also joined the call") and its time fills a
// missing one.
//
// `negated` marks an event the text denies: a verb with "not", "n't" or "never" among
// its auxiliaries and adverbs ("did not meet", "has never called", not "whether or not
// Hamas accepted"), or a noun taken by such a light verb ("did not hold a call"). It is
// reported like any other, but a denied call or meeting is never folded into an
// earlier one (above), nor is one folded into it.
//
// Crime and disaster news reports deaths without an act, and in headlines:
//   - a death reported as a state is a death (OTHER, trigger "dead", "body" or "death"):
//     "was found dead", "left two men dead", "pronounced dead", "the body of a man was
//     discovered", "fell to his death"; its patients are the dead (the subject of the
//     passive, the named object, the body's owner), never whoever found them. What a
//     harm of the same clause left is that harm ("a shooting left a boy dead" is one
//     ATTACK, with the boy as patient);
//   - a road accident is OTHER: a "hit and run", a harm "by" a vehicle or with a vehicle
//     or driver as its subject ("struck by a vehicle", "the driver who killed"), but not
//     a person shot "in" a vehicle;
//   - a victim named in apposition is the patient: "shot his friend, 63-year-old Daniel
//     Caron" (after an object that describes a person), "Javon Wilson, 15, Rep. Danny
//     Davis' grandson, was shot" (the person the clause opens with); a person's
//     "shooting" or "killing" is done to them ("Kimani Gray's shooting");
//   - headlines are read with their words' own tags (event_words.h): "Woman Killed In
//     Queens Crash", "Second climber dies at Mt Cook", "Three die in fire", where a
//     present tense reports the news as done (a bare "die" counts only there); a line
//     that is a web address gives no events;
//   - whoever shoots himself is the patient ("shot himself", "Shot Self");
//   - a participle after a comma goes on with the harm of a clause told in the past, as
//     one event ("opened fire on Friday, killing Benjamin Banky"), and takes no subject
//     by position ("a bank in Woodburn, Oregon, killing two": Oregon did nothing);
//   - a disaster that is the subject of what it did happened ("the blaze broke out",
//     "the fire has destroyed"), not one a copula describes ("the quake was centred");
//   - the bodies found are those of every person named before the verb ("The bodies of
//     Alice McMeekin, 58, and Kathryn Jenkin, 20, were found");
//   - a fire or explosion named in a noun phrase happened ("after a huge fire at a
//     store", "a blast at the plant killed 3", a headline's "Waitrose fire"); a bomb's
//     blast is an ATTACK; the names before a disaster noun are what it hit, never its
//     agent ("the Waitrose fire");
//   - the dead of a quake, storm or flood are the disaster's (OTHER): "killed when an
//     earthquake razed", "an earthquake on a Gulf island that killed 10", and a harm with
//     no agent and no attacker or weapon in its sentence within two sentences after one
//     ("Earthquake Levels Villages ... Ten people are killed");
//   - a harm someone is charged with or accused of was done, to whom the charge names,
//     and by no one named: "accused of gunning down X", "charged with the murders of X",
//     "arrested in the slayings of two women"; the accused is never its agent, and a bare
//     crime name ("counts of vehicular homicide") is no act;
//   - "he" or "she" as the subject of a passive harm is its antecedent ("Jerry Ortiz had
//     gone to the home when he was attacked");
//   - the victims the police identify ("identified the victim as X", "have identified the
//     man shot and killed ... as X", "The victim, X, is hospitalized") are the patients
//     of the harm between the verb and "as", else of the article's latest harm when it
//     names none yet; never when the one identified is a suspect or gunman;
//   - a suicide and a death named by its noun are deaths (deaths.h: "hanged himself",
//     "committed suicide", "the deaths of X and Y"), and "X, who died", "X, 16, who was
//     shot" make X the patient; only a PERSON dies ("A Mafia leader died" names no dead);
//   - a harm noun the text says a thing was not is none ("called it not a car crash").
//
// RELEASE needs captives nearby ("released four hostages", not "released a browser").
// Verbs of saying give a STATEMENT only for indirect speech: not in a sentence that
// holds a full (not partial) quotation, which the quote finder reports instead. Verbs
// in a wished-for infinitive give no event ("urged Hamas to accept"; planned ones such
// as "is scheduled to visit" stay, marked `planned`), nor do triggers inside any
// quotation, full or partial: those words are the speaker's, and the quotation reports
// them. Events too vague to place are dropped:
// those without any actor, time or place ("the upcoming call"), event nouns with neither
// actor nor time, and statements by no one named ("a source said").
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tokens` must come from the tokenizer for `text`; `tags` holds one tag per token or is
// empty (then every lexicon word counts in either class); `deps` one dependency per
// token or is empty (no parse), with an empty label for tokens of unparsed sentences. `entities`,
// `times` and `quotes` are the article's, each in text order. Events come in text order.
std::vector<Event> FindEvents(std::string_view text, const TokenizedText& tokens,
                              std::span<const PosTag> tags, std::span<const Dependency> deps,
                              std::span<const EntityMention> entities,
                              std::span<const TimeExpression> times, std::span<const Quote> quotes);

}  // namespace storyline
