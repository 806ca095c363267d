// The demo generator's random numbers: SplitMix64, the same sequence on every
// platform and compiler (std's distributions are not), so a seed gives one municipality.
#pragma once
#include <cstdint>
#include <cstddef>

namespace skolnav {

struct DemoRandom {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T, std::size_t N>
    const T& pick(const T (&list)[N]) { return list[below(static_cast<int>(N))]; }
};

}  // namespace skolnav
