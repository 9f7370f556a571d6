#include "extract/entities/defined_acronyms.h"

#include "extract/entities/mention_edits.h"
#include "extract/entities/name_parts.h"

namespace storyline {

void TagDefinedAcronyms(std::string_view text, const TokenizedText& tokens,
                        std::vector<EntityMention>& mentions) {
  const std::vector<EntityMention> named = mentions;
  MentionEditor editor(text, tokens, mentions);
  for (const EntityMention& name : named) {
    if (name.type != "ORG" && name.type != "PLACE") continue;
    const auto [first, end] = TokensInSpan(tokens, name.span);
    // "<name> ( <acronym> )", the bracket right after the name.
    const size_t acronym = end + 1;
    if (first == end || acronym + 1 >= tokens.tokens.size() || tokens.tokens[end].In(text) != "(" ||
        tokens.tokens[acronym + 1].In(text) != ")") {
      continue;
    }
    const std::string letters = AcronymLetters(tokens.tokens[acronym].In(text));
    if (letters.empty() || letters != NameInitials(name.text)) continue;
    if (editor.ReachesOutside(acronym, acronym + 1)) continue;
    editor.Put(acronym, acronym + 1, name.type);
  }
}

}  // namespace storyline
