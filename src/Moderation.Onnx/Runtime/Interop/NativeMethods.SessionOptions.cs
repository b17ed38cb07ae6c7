namespace Moderation.Onnx.Runtime.Interop;

/// <summary>OrtSessionOptions: threads and execution providers (CUDA through <c>OrtCUDAProviderOptionsV2</c>).</summary>
internal static unsafe partial class NativeMethods
{
    private static delegate* unmanaged<nint*, nint> createSessionOptions;
    private static delegate* unmanaged<nint, void> releaseSessionOptions;
    private static delegate* unmanaged<nint, int, nint> setIntraOpNumThreads;
    private static delegate* unmanaged<nint, int, nint> setInterOpNumThreads;
    private static delegate* unmanaged<nint*, nint> createCudaProviderOptions;
    private static delegate* unmanaged<nint, byte**, byte**, nuint, nint> updateCudaProviderOptions;
    private static delegate* unmanaged<nint, void> releaseCudaProviderOptions;
    private static delegate* unmanaged<nint, nint, nint> appendExecutionProviderCudaV2;

    private static void LoadSessionOptionsFunctions(nint* api)
    {
        createSessionOptions = (delegate* unmanaged<nint*, nint>)api[OrtApiSlot.CreateSessionOptions];
        releaseSessionOptions = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseSessionOptions];
        setIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)api[OrtApiSlot.SetIntraOpNumThreads];
        setInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)api[OrtApiSlot.SetInterOpNumThreads];
        createCudaProviderOptions = (delegate* unmanaged<nint*, nint>)api[OrtApiSlot.CreateCudaProviderOptions];
        updateCudaProviderOptions = (delegate* unmanaged<nint, byte**, byte**, nuint, nint>)api[OrtApiSlot.UpdateCudaProviderOptions];
        releaseCudaProviderOptions = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseCudaProviderOptions];
        appendExecutionProviderCudaV2 = (delegate* unmanaged<nint, nint, nint>)api[OrtApiSlot.SessionOptionsAppendExecutionProviderCudaV2];
    }

    internal static OrtSessionOptionsHandle CreateSessionOptions()
    {
        EnsureInitialized();
        nint options;
        VerifySuccess(createSessionOptions(&options));
        return new OrtSessionOptionsHandle(options);
    }

    internal static void ReleaseSessionOptions(nint options) => releaseSessionOptions(options);

    /// <summary><c>SetIntraOpNumThreads</c>; 0 lets ONNX Runtime choose (one per physical core).</summary>
    internal static void SetIntraOpNumThreads(OrtSessionOptionsHandle options, int threads)
    {
        using var lease = new HandleLease(options);
        VerifySuccess(setIntraOpNumThreads(lease.Pointer, threads));
    }

    /// <summary><c>SetInterOpNumThreads</c>; 0 lets ONNX Runtime choose.</summary>
    internal static void SetInterOpNumThreads(OrtSessionOptionsHandle options, int threads)
    {
        using var lease = new HandleLease(options);
        VerifySuccess(setInterOpNumThreads(lease.Pointer, threads));
    }

    /// <summary><c>CreateCUDAProviderOptions</c>; fails in a build without the CUDA execution provider.</summary>
    internal static OrtCudaProviderOptionsHandle CreateCudaProviderOptions()
    {
        EnsureInitialized();
        nint options;
        VerifySuccess(createCudaProviderOptions(&options));
        return new OrtCudaProviderOptionsHandle(options);
    }

    /// <summary><c>UpdateCUDAProviderOptions</c> with string key/value pairs, e.g. <c>device_id=0</c>.</summary>
    internal static void UpdateCudaProviderOptions(OrtCudaProviderOptionsHandle options, string key, string value)
    {
        using var lease = new HandleLease(options);
        fixed (byte* k = Utf8Z(key))
        fixed (byte* v = Utf8Z(value))
        {
            byte* keys = k, values = v;
            VerifySuccess(updateCudaProviderOptions(lease.Pointer, &keys, &values, 1));
        }
    }

    internal static void ReleaseCudaProviderOptions(nint options) => releaseCudaProviderOptions(options);

    /// <summary><c>SessionOptionsAppendExecutionProvider_CUDA_V2</c>.</summary>
    internal static void AppendExecutionProviderCuda(OrtSessionOptionsHandle options, OrtCudaProviderOptionsHandle cuda)
    {
        using var sessionOptions = new HandleLease(options);
        using var cudaOptions = new HandleLease(cuda);
        VerifySuccess(appendExecutionProviderCudaV2(sessionOptions.Pointer, cudaOptions.Pointer));
    }
}
