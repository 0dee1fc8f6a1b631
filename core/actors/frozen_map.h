// Internal to core/actors: a read-only string-keyed hash table, built once
// when the lexicon loads and probed for every word of every document.
// Open addressing over one flat array: a look-up reads a slot or two and
// compares one key, where std::unordered_map chases node pointers and
// hashes a byte at a time. Keys are hashed eight bytes at a time, so that
// the tokenizer can fold a word to lower case and hash it in one pass.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace annals::actor_detail {

// The n bytes at p (n <= 8) as an integer, zero-padded, as memcpy of eight
// bytes would give them; reads no byte past p + n.
inline uint64_t load_short(const char* p, size_t n) {
  if (n >= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    return chunk;
  }
  if constexpr (std::endian::native == std::endian::little) {
    if (n >= 4) {  // two overlapping four-byte reads
      uint32_t low, high;
      std::memcpy(&low, p, 4);
      std::memcpy(&high, p + n - 4, 4);
      return low | uint64_t(high) << (8 * (n - 4));
    }
    if (n == 0) return 0;
    return uint64_t(uint8_t(p[0])) | uint64_t(uint8_t(p[n / 2])) << (8 * (n / 2)) |
           uint64_t(uint8_t(p[n - 1])) << (8 * (n - 1));
  } else {
    uint64_t chunk = 0;
    std::memcpy(&chunk, p, n);
    return chunk;
  }
}

// Hashes s eight bytes at a time (the last chunk zero-padded), passing each
// chunk and its offset through `each` first, which may change or store it.
template <typename EachChunk>
uint64_t hash_chunks(std::string_view s, EachChunk&& each) {
  constexpr uint64_t kMultiplier = 0xbf58476d1ce4e5b9ull;
  auto mix = [](uint64_t h, uint64_t chunk) {
    h = (h ^ chunk) * kMultiplier;
    return h ^ (h >> 31);
  };
  uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 < s.size(); i += 8) h = mix(h, each(load_short(s.data() + i, 8), i));
  h = mix(h, each(load_short(s.data() + i, s.size() - i), i));
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 29);
}

inline uint64_t hash_key(std::string_view s) {
  return hash_chunks(s, [](uint64_t chunk, size_t) { return chunk; });
}

template <typename T>
class FrozenMap {
 public:
  FrozenMap() = default;

  // From any map of std::string to T (iteration order does not matter).
  template <typename Map>
  explicit FrozenMap(const Map& source) {
    size_t capacity = 16;
    while (capacity < source.size() * 2) capacity *= 2;  // at most half full: short probes
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    entries_.reserve(source.size());
    for (const auto& [key, value] : source) {
      entries_.push_back({head(key), uint32_t(keys_.size()), uint32_t(key.size()), value});
      keys_ += key;
      const uint64_t h = hash_key(key);
      size_t i = h & mask_;
      while (slots_[i].entry != 0) i = (i + 1) & mask_;
      slots_[i] = {uint32_t(h >> 32), uint32_t(entries_.size())};
    }
  }

  const T* find(std::string_view key) const { return find(key, hash_key(key)); }
  // With the key's hash_key() already computed.
  const T* find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const uint32_t tag = uint32_t(hash >> 32);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (slot.tag != tag) continue;
      const Entry& entry = entries_[slot.entry - 1];
      if (entry.key_size == key.size() && entry.head == head(key) && same_tail(entry, key)) return &entry.value;
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }

 private:
  static uint64_t head(std::string_view key) {
    return load_short(key.data(), std::min<size_t>(key.size(), 8));
  }

  struct Slot {
    uint32_t tag = 0;    // high half of the key's hash
    uint32_t entry = 0;  // index into entries_ plus one; 0 is an empty slot
  };
  struct Entry {
    uint64_t head = 0;  // the key's first eight bytes: most keys compare in one step
    uint32_t key_start = 0, key_size = 0;  // into keys_
    T value;
  };
  // Past the head, for keys of the same size.
  bool same_tail(const Entry& entry, std::string_view key) const {
    return key.size() <= 8 || std::memcmp(keys_.data() + entry.key_start + 8, key.data() + 8, key.size() - 8) == 0;
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::string keys_;
  size_t mask_ = 0;
};

}  // namespace annals::actor_detail
