//! StateLab's engine: everything about Amazon States Language that needs no browser.
//!
//! `#![no_std]` + `alloc` by construction, so the same code runs natively (CLI, tests,
//! benchmarks) and in the studio's WebAssembly. See README.md for the module table.
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod asl;
mod calendar;
pub mod choice;
pub mod diagram;
pub mod export;
pub mod failure;
pub mod graph;
pub mod import;
pub mod intrinsic;
pub mod json;
pub mod jsonata;
pub mod layout;
pub mod path;
pub mod rng;
pub mod session;
pub mod shared;
pub mod sim;
pub mod sort;
pub mod run;

pub use failure::Failure;
pub use json::{Key, Map, Number, Value};
