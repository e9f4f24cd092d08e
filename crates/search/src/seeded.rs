//! A seeded pseudo-random generator for the unit tests: the same numbers
//! on every run, so that a failing case can be run again.

/// Numbers below the bound asked for (0 for a bound of 0), from a linear
/// congruential generator started at `seed`.
pub fn below(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |bound| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % bound.max(1)
    }
}
