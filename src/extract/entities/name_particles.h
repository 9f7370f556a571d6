// Many names carry lower-case or short particles between their capitalized words:
// "Mohammed bin Salman", "Majed al-Ansari", "Mohammed bin Abdulrahman Al Thani",
// "Ursula von der Leyen", "Luiz Inácio Lula da Silva". The recognizer learned names as
// runs of capitalized words and stops at the particle, splitting one person in two
// ("Mohammed" + "Al Thani") or missing the name.
//
// Particles: "bin", "bint", "ibn", "ben", "abu", "abd", "al", "el" (any case), and the
// lower-case "van", "von", "der", "de", "da", "del", "dos", "du"; a word prefixed "al-",
// "el-", "ad-", "ash-" or "az-" is a name word that carries its particle ("al-Ansari").
//
//   - A PERSON mention continues, right and left, through particles to the next
//     capitalized word, and over an adjacent prefixed word, as long as the words are one
//     space apart and no other kind of mention is there; the mentions it reaches are
//     merged into it.
//   - A capitalized word followed by a strong Arabic particle ("bin", "bint", "ibn") and a
//     capitalized word, or by a lower-case prefixed word ("al-Ansari"), is a PERSON when
//     the recognizer found nothing there and no locative preposition comes before it
//     ("in Deir al-Balah", "to Sharm el-Sheikh" are places).
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` in text order, kept in text order.
void JoinNameParticles(std::string_view text, const TokenizedText& tokens,
                       const std::vector<PosTag>& tags, std::vector<EntityMention>& mentions);

}  // namespace storyline
