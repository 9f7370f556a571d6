#include "story/label_words.h"

#include <set>

namespace storyline {

std::vector<std::string> LabelWords(std::string_view surface) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : surface) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool letter =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
    if (letter) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool IsStopwordInAnyLanguage(std::string_view lower) {
  static const std::set<std::string, std::less<>> kStopwords = {
      // English
      "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
      "with", "as", "is", "are", "was", "were", "be", "it", "its", "this", "that", "he", "she",
      "they", "we", "you", "his", "her", "their", "not", "no", "said", "says",
      // German
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
      "und", "oder", "aber", "nicht", "mit", "von", "vom", "zu", "zum", "zur", "im", "ist", "sind",
      "war", "wird", "werden", "sich", "auf", "für", "bei", "nach", "aus", "auch", "wie", "als",
      "noch", "nur", "dass", "er", "sie", "es", "wir", "ich", "hat", "haben", "über",
      // French
      "le", "la", "les", "un", "une", "du", "de", "et", "ou", "est", "sont", "pour", "dans", "que",
      "qui", "sur", "pas", "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "nous", "vous",
      "se", "sa", "son", "ses", "avec", "par", "plus", "ne", "en", "leur",
      // Spanish
      "el", "los", "las", "del", "y", "por", "con", "para", "una", "es", "lo", "al", "su", "sus",
      "se", "como", "más", "pero", "sin", "sobre", "ha", "han",
      // Italian
      "il", "lo", "gli", "della", "delle", "dei", "di", "che", "per", "non", "nel", "nella", "sono",
      "da", "dal", "alla", "con", "anche", "e", "è",
      // Portuguese
      "do", "dos", "das", "da", "em", "os", "as", "um", "uma", "não", "com", "na", "no", "ao",
      "mais", "foi",
      // Dutch
      "het", "een", "van", "op", "te", "dat", "niet", "voor", "zijn", "met", "ook", "aan", "bij",
      "worden", "wordt", "heeft", "naar", "maar", "om"};
  return kStopwords.contains(lower);
}

}  // namespace storyline
