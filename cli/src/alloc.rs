//! The global allocator: mimalloc, asked for a plain block whenever a plain block is
//! aligned enough.
//!
//! Executions allocate many small, short-lived payload nodes, for which mimalloc measured
//! fastest (see scripts/bench.sh). Its own `GlobalAlloc` (the `mimalloc` crate) calls the
//! aligned entry points for every request; for blocks over 1 KiB, such as the entries of a
//! payload object copied for a ResultPath write, those over-allocate and mark the page as
//! holding interior pointers, which slows every later free on it. Every mimalloc block is
//! word-aligned, and nearly all of Rust's requests ask for no more.

use core::alloc::{GlobalAlloc, Layout};
use libmimalloc_sys as mi;

/// The alignment every mimalloc block has: block sizes are whole words.
const BLOCK_ALIGN: usize = core::mem::size_of::<usize>();

/// mimalloc behind `GlobalAlloc`.
pub struct Mimalloc;

fn plain(layout: &Layout) -> bool {
    layout.align() <= BLOCK_ALIGN
}

// SAFETY: each method forwards to the mimalloc function with the contract asked for;
// plain blocks are used only when their alignment satisfies the layout.
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = if plain(&layout) { mi::mi_malloc(layout.size()) } else { mi::mi_malloc_aligned(layout.size(), layout.align()) };
        p.cast()
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = if plain(&layout) { mi::mi_zalloc(layout.size()) } else { mi::mi_zalloc_aligned(layout.size(), layout.align()) };
        p.cast()
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = if plain(&layout) {
            mi::mi_realloc(ptr.cast(), new_size)
        } else {
            mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align())
        };
        p.cast()
    }
}
