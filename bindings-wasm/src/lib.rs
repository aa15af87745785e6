//! JavaScript bindings of stratagraph.
