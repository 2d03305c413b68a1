//! Layout tests: geometric properties on the gallery's machines, on odd inputs, and on
//! generated machines of every size.

mod examples;
mod generate;
mod generated;
mod robust;
mod support;
