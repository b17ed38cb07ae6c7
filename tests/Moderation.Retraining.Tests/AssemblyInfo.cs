// libtorch's thread count is process-wide and the CI machine has 2 cores: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
