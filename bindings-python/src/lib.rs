//! Python bindings of stratagraph.
