#include "synth/framing.h"

#include <algorithm>
#include <map>
#include <set>

#include "synth/entity_descriptors.h"

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

}  // namespace

std::vector<EntityFraming> FindFraming(const std::vector<ArticleTokens>& articles) {
  std::map<std::string, EntityFraming> by_entity;
  std::vector<std::string> order;
  for (const ArticleTokens& text : articles) {
    for (const EntityDescriptor& found : FindEntityDescriptors(text)) {
      if (found.kind == "reference" && found.modifiers == 0) continue;
      auto [it, added] = by_entity.try_emplace(found.entity);
      if (added) {
        it->second.entity = found.entity;
        order.push_back(found.entity);
      }
      std::vector<Descriptor>& descriptors = it->second.descriptors;
      auto same = std::find_if(descriptors.begin(), descriptors.end(),
                               [&](const Descriptor& d) { return d.text == found.key; });
      if (same == descriptors.end()) {
        descriptors.push_back({found.key, found.kind, {}});
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
