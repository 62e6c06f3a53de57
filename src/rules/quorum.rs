//! The quorum (R-QUORUM): present members × 3 ≥ expected members × 2
//! (三分之二以上, inclusive). Computed live from attendance, never stored.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quorum {
    pub present: u32,
    pub expected: u32,
    /// The fewest present members that make a quorum.
    pub required: u32,
    pub met: bool,
}

impl Quorum {
    pub fn of(present: u32, expected: u32) -> Quorum {
        Quorum {
            present,
            expected,
            required: (expected * 2).div_ceil(3),
            met: expected > 0 && present * 3 >= expected * 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // R-QUORUM: exactly two thirds is enough; one below is not.
    #[test]
    fn r_quorum_two_thirds_inclusive_table() {
        let cases = [
            (20, 30, true),
            (19, 30, false),
            (30, 30, true),
            (2, 3, true),
            (1, 3, false),
            (7, 10, true),
            (6, 10, false),
            (0, 0, false),
            (1, 1, true),
        ];
        for (present, expected, met) in cases {
            let q = Quorum::of(present, expected);
            assert_eq!(q.met, met, "{present}/{expected}");
            if expected > 0 {
                assert_eq!(q.met, present >= q.required, "{present}/{expected} required {}", q.required);
            }
        }
    }
}
