#include "extract/quotes/quote_lexicon.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>

namespace storyline {
namespace {

using WordSet = std::unordered_set<std::string_view>;

constexpr std::string_view kSpeechVerbs[] = {
    "acknowledge", "acknowledged", "acknowledges", "add",       "added",     "adds",
    "admit",       "admits",       "admitted",     "affirmed",  "affirms",   "announce",
    "announced",   "announces",    "argue",        "argued",    "argues",    "ask",
    "asked",       "asks",         "assert",       "asserted",  "asserts",   "claim",
    "claimed",     "claims",       "comment",      "commented", "comments",  "complain",
    "complained",  "complains",    "concede",      "conceded",  "concedes",  "confirm",
    "confirmed",   "confirms",     "continue",     "continued", "continues", "cautioned",
    "declare",     "declared",     "declares",     "described", "describes", "echoed",
    "echoes",      "emphasised",   "emphasized",   "exclaimed", "recounted", "explain",
    "explained",   "explains",     "insist",       "insisted",  "insists",   "maintained",
    "maintains",   "note",         "noted",        "notes",     "observed",  "post",
    "posted",      "posts",        "predicted",    "quipped",   "recalled",  "recalls",
    "remarked",    "replied",      "reply",        "replies",   "report",    "reported",
    "reports",     "respond",      "responded",    "responds",  "said",      "say",
    "saying",      "says",         "shouted",      "spoke",     "speaks",    "state",
    "stated",      "states",       "stressed",     "stresses",  "suggested", "suggests",
    "tell",        "telling",      "tells",        "testified", "told",      "tweet",
    "tweeted",     "tweets",       "urge",         "urged",     "urges",     "warn",
    "warned",      "warns",        "wrote",        "write",     "writes",    "boasted",
    "bragged",     "countered",    "fumed",        "joked",     "lamented",  "mused",
    "muttered",    "pleaded",      "reiterated",   "retorted",  "screamed",  "vowed",
    "whispered",   "yelled",
};

constexpr std::string_view kSubjectVerbFillers[] = {
    "again",    "already",    "also",       "can",      "could",      "did",       "does",
    "earlier",  "even",       "finally",    "first",    "friday",     "further",   "had",
    "has",      "have",       "initially",  "instead",  "is",         "last",      "later",
    "may",      "might",      "monday",     "must",     "n't",        "never",     "night",
    "not",      "now",        "once",       "only",     "previously", "privately", "publicly",
    "recently", "repeatedly", "reportedly", "saturday", "shall",      "should",    "simply",
    "since",    "sunday",     "then",       "thursday", "today",      "tonight",   "tuesday",
    "was",      "wednesday",  "week",       "were",     "will",       "would",     "yesterday",
};

constexpr std::string_view kSubjectBoundaryWords[] = {
    "after",    "although", "and",     "as",      "because", "before", "but",   "if",   "meanwhile",
    "since",    "so",       "than",    "that",    "though",  "unless", "until", "what", "when",
    "whenever", "where",    "whereas", "whether", "which",   "while",  "who",   "why",  "yet",
};

constexpr std::string_view kInvertedSubjectTrailers[] = {
    "after",  "as",    "at",       "before", "by",        "during",  "earlier",   "friday",
    "from",   "in",    "last",     "later",  "monday",    "on",      "saturday",  "since",
    "sunday", "that",  "thursday", "to",     "today",     "tuesday", "wednesday", "when",
    "where",  "which", "while",    "who",    "yesterday", "this",    "told",
};

constexpr std::string_view kCalendarWords[] = {
    "january",   "february",  "march",   "april",    "may",      "june",    "july",
    "august",    "september", "october", "november", "december", "monday",  "tuesday",
    "wednesday", "thursday",  "friday",  "saturday", "sunday",   "morning", "afternoon",
    "evening",   "night",     "weekend", "week",     "month",    "year",
};

constexpr std::string_view kTimePhraseOpeners[] = {"at", "earlier", "in", "last", "on", "this"};

constexpr std::string_view kRelativePronouns[] = {"that", "which", "who", "whom", "whose"};

constexpr std::string_view kTitleWords[] = {
    "adm.",
    "admiral",
    "ambassador",
    "attorney",
    "capt.",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col.",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "crown",
    "defense",
    "deputy",
    "director",
    "dr.",
    "emir",
    "envoy",
    "foreign",
    "gen.",
    "general",
    "gov.",
    "governor",
    "judge",
    "justice",
    "king",
    "leader",
    "lt.",
    "mayor",
    "minister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "prof.",
    "professor",
    "queen",
    "rabbi",
    "rep.",
    "secretary",
    "sen.",
    "senator",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "vice",
};

constexpr std::string_view kDeterminers[] = {"a", "an", "another", "the"};

constexpr std::string_view kPersonHeads[] = {
    "actor",
    "actress",
    "administrator",
    "adviser",
    "advisor",
    "agent",
    "aide",
    "ambassador",
    "analyst",
    "artist",
    "attendee",
    "attorney",
    "aunt",
    "author",
    "banker",
    "barber",
    "boss",
    "boy",
    "boyfriend",
    "broker",
    "brother",
    "bystander",
    "captain",
    "chairman",
    "chairwoman",
    "chaplain",
    "chief",
    "citizen",
    "classmate",
    "clerk",
    "co-worker",
    "coach",
    "colleague",
    "commander",
    "commenter",
    "commissioner",
    "consultant",
    "coroner",
    "correspondent",
    "councilman",
    "councilwoman",
    "cousin",
    "coworker",
    "critic",
    "customer",
    "dad",
    "daughter",
    "deputy",
    "designer",
    "detective",
    "developer",
    "diplomat",
    "director",
    "doctor",
    "driver",
    "economist",
    "editor",
    "employee",
    "engineer",
    "entrepreneur",
    "envoy",
    "executive",
    "expert",
    "eyewitness",
    "fan",
    "farmer",
    "father",
    "firefighter",
    "founder",
    "friend",
    "general",
    "girl",
    "girlfriend",
    "governor",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "guard",
    "historian",
    "husband",
    "insider",
    "investigator",
    "investor",
    "judge",
    "juror",
    "landlord",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "man",
    "manager",
    "mayor",
    "mediator",
    "medic",
    "member",
    "minister",
    "mom",
    "mother",
    "motorist",
    "musician",
    "negotiator",
    "neighbor",
    "neighbour",
    "nephew",
    "niece",
    "nurse",
    "observer",
    "officer",
    "official",
    "opponent",
    "organizer",
    "owner",
    "paramedic",
    "parent",
    "partner",
    "passenger",
    "pastor",
    "physician",
    "pilot",
    "player",
    "premier",
    "president",
    "priest",
    "principal",
    "producer",
    "professor",
    "prosecutor",
    "protester",
    "psychologist",
    "publicist",
    "rapper",
    "relative",
    "rep",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "scholar",
    "scientist",
    "secretary",
    "senator",
    "sergeant",
    "sheriff",
    "singer",
    "sister",
    "soldier",
    "son",
    "source",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staffer",
    "stepdaughter",
    "stepson",
    "strategist",
    "student",
    "superintendent",
    "supporter",
    "surgeon",
    "survivor",
    "teacher",
    "teammate",
    "trader",
    "trooper",
    "uncle",
    "user",
    "victim",
    "villager",
    "volunteer",
    "voter",
    "widow",
    "widower",
    "star",
    "killer",
    "suspect",
    "defendant",
    "gunman",
    "shooter",
    "inmate",
    "candidate",
    "columnist",
    "commentator",
    "wife",
    "witness",
    "woman",
    "worker",
    "writer",
};

constexpr std::string_view kOrganizationHeads[] = {
    "account",      "administration", "agency",     "airline",     "army",       "association",
    "authority",    "bank",           "board",      "broadcaster", "bureau",     "cabinet",
    "campaign",     "center",         "charity",    "club",        "college",    "command",
    "commission",   "committee",      "company",    "council",     "court",      "daily",
    "department",   "district",       "embassy",    "federation",  "firm",       "foundation",
    "government",   "group",          "hospital",   "house",       "institute",  "journal",
    "kremlin",      "league",         "letter",     "magazine",    "military",   "ministry",
    "movement",     "navy",           "network",    "newspaper",   "office",     "organisation",
    "organization", "outlet",         "page",       "paper",       "parliament", "party",
    "pentagon",     "police",         "regulator",  "report",      "school",     "statement",
    "station",      "union",          "university", "watchdog",    "website",
    "affidavit",    "complaint",      "document",   "documents",   "filing",     "filings",
    "indictment",   "lawsuit",        "memo",       "papers",      "record",     "records",
    "transcript",   "transcripts",    "warrant",    "editorial",
};

constexpr std::string_view kDescriptorHeadEnders[] = {
    "at", "briefed", "close", "familiar", "for", "from", "in",
    "of", "on",      "that",  "which",    "who", "with", "working",
    "wearing", "holding", "carrying", "standing",
};

constexpr std::string_view kMaleTitles[] = {
    "assemblyman", "boyfriend", "brother",   "congressman", "councilman", "father",  "fr.",
    "grandfather", "grandson",  "husband",   "king",        "lord",       "mr",      "mr.",
    "msgr",        "msgr.",     "monsignor", "nephew",      "prince",     "sir",     "son",
    "uncle",       "widower",
};

constexpr std::string_view kFemaleTitles[] = {
    "assemblywoman", "aunt",       "chairwoman",    "congresswoman", "councilwoman", "dame",
    "daughter",      "girlfriend", "granddaughter", "grandmother",   "lady",         "madam",
    "miss",          "mme",        "mme.",          "mother",        "mrs",          "mrs.",
    "ms",            "ms.",        "niece",         "princess",      "queen",        "sister",
    "sr.",           "widow",      "wife",
};

constexpr std::string_view kWorkNouns[] = {
    "album", "book",    "called", "documentary", "entitled", "episode", "film",
    "movie", "musical", "novel",  "opera",       "play",     "poem",    "series",
    "show",  "single",  "song",   "titled",      "track",
};

template <const auto& kWords>
bool Contains(std::string_view word) {
  // One set per list, built on first use (thread-safe static initialization).
  static const WordSet* const set = new WordSet(std::begin(kWords), std::end(kWords));
  return set->contains(word);
}

}  // namespace

bool IsSpeechVerb(std::string_view w) { return Contains<kSpeechVerbs>(w); }
bool IsSubjectVerbFiller(std::string_view w) { return Contains<kSubjectVerbFillers>(w); }
bool IsSubjectBoundaryWord(std::string_view w) { return Contains<kSubjectBoundaryWords>(w); }
bool IsInvertedSubjectTrailer(std::string_view w) { return Contains<kInvertedSubjectTrailers>(w); }
bool IsCalendarWord(std::string_view w) { return Contains<kCalendarWords>(w); }
bool OpensTimePhrase(std::string_view w) { return Contains<kTimePhraseOpeners>(w); }
bool IsRelativePronoun(std::string_view w) { return Contains<kRelativePronouns>(w); }
bool IsTitleWord(std::string_view w) { return Contains<kTitleWords>(w); }
bool IsDeterminer(std::string_view w) { return Contains<kDeterminers>(w); }
bool EndsDescriptorHead(std::string_view w) { return Contains<kDescriptorHeadEnders>(w); }

SpeakerKind PronounSpeakerKind(std::string_view w) {
  if (w == "he" || w == "she") return SpeakerKind::kPerson;
  if (w == "it") return SpeakerKind::kOrganization;
  if (w == "they") return SpeakerKind::kGroup;
  return SpeakerKind::kUnknown;
}

Gender PronounGender(std::string_view w) {
  if (w == "he") return Gender::kMale;
  if (w == "she") return Gender::kFemale;
  return Gender::kUnknown;
}

Gender TitleGender(std::string_view w) {
  if (Contains<kMaleTitles>(w)) return Gender::kMale;
  if (Contains<kFemaleTitles>(w)) return Gender::kFemale;
  return Gender::kUnknown;
}

Gender DescriptorGender(std::string_view w) {
  if (const Gender titled = TitleGender(w); titled != Gender::kUnknown) return titled;
  if (w == "girl" || w.ends_with("woman")) return Gender::kFemale;
  if (w == "boy" || (w.ends_with("man") && w != "human")) return Gender::kMale;
  return Gender::kUnknown;
}

bool IsQuestionVerb(std::string_view w) { return w == "ask" || w == "asked" || w == "asks"; }
bool IsWorkNoun(std::string_view w) { return Contains<kWorkNouns>(w); }

SpeakerKind HeadNounSpeakerKind(std::string_view w) {
  if (Contains<kPersonHeads>(w)) return SpeakerKind::kPerson;
  if (Contains<kOrganizationHeads>(w)) return SpeakerKind::kOrganization;
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') {
    const std::string_view singular = w.substr(0, w.size() - 1);
    if (Contains<kPersonHeads>(singular)) return SpeakerKind::kGroup;
  }
  if (w == "media" || w == "people" || w == "police" || w == "authorities" || w == "family" ||
      w == "children" || w == "jury") {
    return SpeakerKind::kGroup;
  }
  return SpeakerKind::kUnknown;
}

bool IsAdjunctStart(std::string_view lower) {
  return lower != "that" && lower != "this" && lower != "which" && lower != "who" &&
         lower != "told" && (IsInvertedSubjectTrailer(lower) || lower == "of");
}

bool CanBeNoun(std::string_view word) {
  // Base forms only: "the Times reports" is a verb.
  static constexpr std::string_view kWords[] = {"post",  "report", "tweet",  "note",
                                                "claim", "reply",  "comment"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool IsBeAuxiliary(std::string_view lower) {
  return lower == "is" || lower == "are" || lower == "was" || lower == "were" || lower == "be" ||
         lower == "been" || lower == "being";
}

bool IsNameSuffix(std::string_view lower) {
  return lower == "jr" || lower == "jr." || lower == "sr" || lower == "sr." || lower == "ii" ||
         lower == "iii" || lower == "iv";
}

bool IsPrepositionAfterName(std::string_view lower) {
  return lower == "of" || lower == "with" || lower == "from" || lower == "at" || lower == "for" ||
         lower == "on";
}

bool IsSentenceAdverb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"though", "then",    "thus",  "still", "yet",
                                                "now",    "so",      "also",  "plus",  "indeed",
                                                "today",  "tonight", "again", "once",  "instead"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool IsPrepositionInDescriptor(std::string_view lower) {
  return IsPrepositionAfterName(lower) || lower == "in" || lower == "near" || lower == "outside";
}

bool IsNameParticle(std::string_view word) {
  return word == "of" || word == "bin" || word == "al" || word == "de" || word == "van" ||
         word == "von" || word == "da" || word == "ibn" || word == "el";
}

bool IsTitleSmallWord(std::string_view lower) {
  return lower == "a" || lower == "an" || lower == "the" || lower == "of" || lower == "and" ||
         lower == "or" || lower == "in" || lower == "on" || lower == "at" || lower == "to" ||
         lower == "for" || lower == "with" || lower == "from" || lower == "by";
}

bool IsCapitalizedFunctionWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",      "an",        "the",          "in",        "on",
      "at",     "but",       "and",          "however",   "he",
      "she",    "it",        "they",         "we",        "i",
      "this",   "that",      "these",        "those",     "his",
      "her",    "their",     "its",          "our",       "after",
      "before", "during",    "while",        "when",      "as",
      "for",    "from",      "with",         "by",        "to",
      "of",     "if",        "meanwhile",    "according", "earlier",
      "later",  "following", "additionally", "notably",   "both",
      "some",   "many",      "most",         "all",       "there",
      "what",   "where"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

}  // namespace storyline
