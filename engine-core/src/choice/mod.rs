//! Choice rules (placeholder until written).
