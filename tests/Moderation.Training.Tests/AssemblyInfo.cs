// libtorch's thread count is process-wide and the CI machine has 2 cores: run test classes one at a time so the
// reproducibility tests always see the same thread count and do not compete for cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
