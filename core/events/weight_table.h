// Internal: the feature weights of a linear model (the event trigger model,
// its part-of-speech tagger), by the feature's 64-bit key. Open addressing
// with linear probing: the slot from the key's low bits, a check from its
// high bits (0 = empty), the weights in thousandths beside it, so that a
// look-up touches one place.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace annals::detail {

// The check kept for a key: its high 32 bits, never 0.
inline uint32_t check_of(uint64_t key) {
  const uint32_t check = uint32_t(key >> 32);
  return check ? check : 1;
}

template <size_t N>
class WeightTable {
 public:
  using Weights = std::array<int16_t, N>;
  using Score = std::array<int32_t, N>;

  // capacity: a power of two above the number of rows; a key given twice
  // keeps its last row.
  void build(const std::vector<std::pair<uint64_t, Weights>>& rows, size_t capacity) {
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const auto& [key, weights] : rows) {
      size_t at = key & mask_;
      while (slots_[at].check != 0 && slots_[at].check != check_of(key)) at = (at + 1) & mask_;
      slots_[at] = Slot{check_of(key), weights};
    }
  }
  bool empty() const { return slots_.empty(); }

  const Weights* find(uint64_t key) const {
    const uint32_t check = check_of(key);
    for (size_t at = key & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.check == check) return &slot.weights;
      if (slot.check == 0) return nullptr;
    }
  }
  // Adds the feature's weights to score; false when the model lacks it.
  bool add(uint64_t key, Score& score) const {
    const Weights* weights = find(key);
    if (!weights) return false;
    for (size_t k = 0; k < N; ++k) score[k] += (*weights)[k];
    return true;
  }
  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }

 private:
  struct Slot {
    uint32_t check = 0;
    Weights weights{};
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace annals::detail
