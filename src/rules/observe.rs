//! R-OBSERVE: observer booking (预约旁听). Residents book one of the meeting's observer seats
//! before it opens, online or offline; a booking can be cancelled with a reason. The seats
//! offered count towards the yearly minimum (`compliance`).

use serde::{Deserialize, Serialize};

use crate::ids::Time;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Booking {
    /// 1-based, in the order booked.
    pub no: u32,
    pub name: String,
    /// A phone number or other way to reach them (optional).
    pub contact: String,
    /// Booked online (else at the community's office).
    pub online: bool,
    pub at: Time,
    pub cancelled: Option<Cancellation>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cancellation {
    pub at: Time,
    pub reason: String,
}

impl Booking {
    pub fn active(&self) -> bool {
        self.cancelled.is_none()
    }
}
