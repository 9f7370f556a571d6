#include "synth/framing.h"

#include <algorithm>
#include <map>
#include <set>

#include "extract/entities/name_parts.h"
#include "synth/entity_descriptors.h"
#include "synth/word_keys.h"
#include "text/ascii.h"

namespace storyline {
namespace {

void Count(Descriptor& descriptor, const StoredArticle& stored, Span span) {
  const std::string source = OutletOf(stored.article);
  for (OutletUsage& usage : descriptor.outlets) {
    if (usage.source == source) {
      ++usage.count;
      return;
    }
  }
  descriptor.outlets.push_back({source, 1, Cite(stored, span)});
}

int Uses(const Descriptor& descriptor) {
  int uses = 0;
  for (const OutletUsage& usage : descriptor.outlets) uses += usage.count;
  return uses;
}

size_t OutletCount(const EntityFraming& framing) {
  std::set<std::string> outlets;
  for (const Descriptor& descriptor : framing.descriptors) {
    for (const OutletUsage& usage : descriptor.outlets) outlets.insert(usage.source);
  }
  return outlets.size();
}

// The store may keep no canonical name; the longest mention is the fullest one.
void NameEntity(EntityFraming& framing, const std::vector<ArticleTokens>& articles) {
  for (const ArticleTokens& text : articles) {
    for (const EntityMention& mention : text.stored().analysis.entities) {
      if (mention.entity != framing.entity) continue;
      const std::string& name = mention.name.empty() ? mention.text : mention.name;
      if (name.size() > framing.name.size()) framing.name = name;
      framing.type = mention.type;
    }
  }
}

// Every name the story's articles give each entity, as lower-cased words in order
// ("fred roe"; "john charles roe").
using NameForms = std::map<std::string, std::vector<std::vector<std::string>>>;

NameForms CollectNameForms(const std::vector<ArticleTokens>& articles) {
  NameForms forms;
  for (const ArticleTokens& text : articles) {
    for (const EntityMention& mention : text.stored().analysis.entities) {
      if (mention.entity.empty()) continue;
      for (const std::string* name : {&mention.text, &mention.name}) {
        std::vector<std::string> words;
        for (const std::string_view word : SplitNameWords(*name)) {
          words.push_back(AsciiLower(word));
        }
        if (!words.empty()) forms[mention.entity].push_back(std::move(words));
      }
    }
  }
  return forms;
}

// True when `word` is a word of one of the names, or the initials of consecutive words
// of one ("j.c." for "john charles roe").
bool IsOwnNameWord(std::string_view word, const std::vector<std::vector<std::string>>& names) {
  std::string letters;
  for (const char c : word) {
    if (c != '.') letters.push_back(c);
  }
  for (const std::vector<std::string>& name : names) {
    if (std::find(name.begin(), name.end(), word) != name.end()) return true;
    if (letters.size() < 2 || word.find('.') == std::string_view::npos) continue;
    for (size_t first = 0; first + letters.size() <= name.size(); ++first) {
      bool initials = true;
      for (size_t i = 0; i < letters.size() && initials; ++i) {
        initials = name[first + i][0] == letters[i];
      }
      if (initials) return true;
    }
  }
  return false;
}

// The descriptor without the pieces of the entity's own name it holds ("sheriff j.c." ->
// "sheriff"): a first name written before the surname a recognizer kept ("fred" of Fred
// Roe), or initials, say nothing about how an outlet frames the entity. Empty when
// nothing else is left.
std::string WithoutOwnName(const std::string& key,
                           const std::vector<std::vector<std::string>>& names) {
  std::vector<std::string_view> kept;
  for (const std::string_view word : SplitNameWords(key)) {
    if (!IsOwnNameWord(word, names)) kept.push_back(word);
  }
  return JoinNameWords(kept);
}

}  // namespace

std::vector<EntityFraming> FindFraming(const std::vector<ArticleTokens>& articles) {
  std::map<std::string, EntityFraming> by_entity;
  std::vector<std::string> order;
  NameForms name_forms = CollectNameForms(articles);
  for (const ArticleTokens& text : articles) {
    for (const EntityDescriptor& found : FindEntityDescriptors(text)) {
      if (found.kind == "reference" && found.modifiers == 0) continue;
      const std::string key = WithoutOwnName(found.key, name_forms[found.entity]);
      if (key.empty()) continue;
      auto [it, added] = by_entity.try_emplace(found.entity);
      if (added) {
        it->second.entity = found.entity;
        order.push_back(found.entity);
      }
      std::vector<Descriptor>& descriptors = it->second.descriptors;
      auto same = std::find_if(descriptors.begin(), descriptors.end(),
                               [&](const Descriptor& d) { return d.text == key; });
      if (same == descriptors.end()) {
        descriptors.push_back({key, found.kind, {}});
        same = descriptors.end() - 1;
      }
      Count(*same, text.stored(), found.span);
    }
  }
  std::vector<EntityFraming> framings;
  for (const std::string& entity : order) {
    EntityFraming framing = std::move(by_entity[entity]);
    NameEntity(framing, articles);
    std::stable_sort(framing.descriptors.begin(), framing.descriptors.end(),
                     [](const Descriptor& a, const Descriptor& b) {
                       if (a.outlets.size() != b.outlets.size()) {
                         return a.outlets.size() > b.outlets.size();
                       }
                       return Uses(a) > Uses(b);
                     });
    framings.push_back(std::move(framing));
  }
  std::stable_sort(framings.begin(), framings.end(),
                   [](const EntityFraming& a, const EntityFraming& b) {
                     return OutletCount(a) > OutletCount(b);
                   });
  return framings;
}

}  // namespace storyline
