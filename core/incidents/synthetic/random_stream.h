#pragma once

#include <cstdint>

namespace borderlens {

// A small seeded generator (xoshiro256**, seeded through splitmix64) whose output is the same on
// every platform and standard library, unlike std::*_distribution. Everything derived from it
// here uses integer and basic floating-point arithmetic only (no libm), so synthetic data is
// byte-identical for the same seed.
class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (std::uint64_t& s : m_state)
            s = splitMix64(x);
    }

    static std::uint64_t splitMix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1), 53 bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; the bias is below 2^-32).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    // Uniform integer in [lo, hi].
    int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    bool chance(double p) { return uniform() < p; }
    // Roughly normal, mean 0 and variance 1, bounded by ±3.46 (sum of four uniforms).
    double bell() {
        return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772;
    }
    // Index drawn with the given weights (any positive scale).
    template <typename Container> std::size_t weighted(const Container& weights) {
        double total = 0;
        for (const auto& w : weights)
            total += static_cast<double>(w);
        double u = uniform() * total;
        std::size_t i = 0;
        for (const auto& w : weights) {
            u -= static_cast<double>(w);
            if (u < 0)
                return i;
            ++i;
        }
        return i == 0 ? 0 : i - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4];
};

} // namespace borderlens
