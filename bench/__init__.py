"""Benchmarks for govkg: a synthetic corpus generator and a runner that measures build, store and queries."""
