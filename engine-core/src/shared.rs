//! The reference-counted pointer behind `Value`'s arrays and objects and `Key`'s names.
//!
//! The interpreter clones and drops these pointers constantly, so their counting is on the
//! hot path: atomic counts (`Arc`) cost about a third of the CPU time of an intrinsics-heavy
//! execution natively, where plain counts (`Rc`) are free of that. Only the studio needs
//! `Send + Sync` values (Leptos keeps them in reactive state), so the choice is made at compile
//! time: the `thread-safe` feature selects `Arc`, its absence `Rc`. The feature only adds
//! `Send + Sync`, so Cargo's feature unification across a workspace stays sound.
//!
//! Code outside this module names the pointer only as `Shared` / `WeakShared`.

#[cfg(feature = "thread-safe")]
pub use alloc::sync::{Arc as Shared, Weak as WeakShared};

#[cfg(not(feature = "thread-safe"))]
pub use alloc::rc::{Rc as Shared, Weak as WeakShared};

/// The promise the feature makes, checked by every build that enables it.
#[cfg(feature = "thread-safe")]
#[allow(dead_code)]
fn thread_safe_values_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<crate::Value>();
    check::<crate::Key>();
}
