namespace Moderation.Onnx.Runtime.Interop;

/// <summary>OrtSession: creation from a model file, input/output metadata, and <c>Run</c>.</summary>
internal static unsafe partial class NativeMethods
{
    private static delegate* unmanaged<nint, byte*, nint, nint*, nint> createSession;
    private static delegate* unmanaged<nint, void> releaseSession;
    private static delegate* unmanaged<nint, nuint*, nint> sessionGetInputCount;
    private static delegate* unmanaged<nint, nuint*, nint> sessionGetOutputCount;
    private static delegate* unmanaged<nint, nuint, nint, byte**, nint> sessionGetInputName;
    private static delegate* unmanaged<nint, nuint, nint, byte**, nint> sessionGetOutputName;
    private static delegate* unmanaged<nint, nuint, nint*, nint> sessionGetInputTypeInfo;
    private static delegate* unmanaged<nint, nuint, nint*, nint> sessionGetOutputTypeInfo;
    private static delegate* unmanaged<nint*, nint> getAllocatorWithDefaultOptions;
    private static delegate* unmanaged<nint, void*, nint> allocatorFree;
    private static delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> run;

    private static void LoadSessionFunctions(nint* api)
    {
        createSession = (delegate* unmanaged<nint, byte*, nint, nint*, nint>)api[OrtApiSlot.CreateSession];
        releaseSession = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseSession];
        sessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)api[OrtApiSlot.SessionGetInputCount];
        sessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)api[OrtApiSlot.SessionGetOutputCount];
        sessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)api[OrtApiSlot.SessionGetInputName];
        sessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)api[OrtApiSlot.SessionGetOutputName];
        sessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)api[OrtApiSlot.SessionGetInputTypeInfo];
        sessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)api[OrtApiSlot.SessionGetOutputTypeInfo];
        getAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)api[OrtApiSlot.GetAllocatorWithDefaultOptions];
        allocatorFree = (delegate* unmanaged<nint, void*, nint>)api[OrtApiSlot.AllocatorFree];
        run = (delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)api[OrtApiSlot.Run];
    }

    /// <summary><c>CreateSession</c> from a model file (ORTCHAR_T is UTF-8 <c>char</c> on Linux).</summary>
    internal static OrtSessionHandle CreateSession(OrtEnvHandle env, string modelPath, OrtSessionOptionsHandle options)
    {
        using var envLease = new HandleLease(env);
        using var optionsLease = new HandleLease(options);
        nint session;
        fixed (byte* path = Utf8Z(modelPath))
        {
            VerifySuccess(createSession(envLease.Pointer, path, optionsLease.Pointer, &session));
        }
        return new OrtSessionHandle(session);
    }

    internal static void ReleaseSession(nint session) => releaseSession(session);

    /// <summary>Names of the model's inputs (<paramref name="outputs"/> false) or outputs, in model order.</summary>
    internal static string[] GetSessionIoNames(OrtSessionHandle session, bool outputs)
    {
        using var lease = new HandleLease(session);
        nuint count;
        VerifySuccess(outputs ? sessionGetOutputCount(lease.Pointer, &count) : sessionGetInputCount(lease.Pointer, &count));
        nint allocator;
        VerifySuccess(getAllocatorWithDefaultOptions(&allocator));
        var names = new string[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            VerifySuccess(outputs
                ? sessionGetOutputName(lease.Pointer, i, allocator, &name)
                : sessionGetInputName(lease.Pointer, i, allocator, &name));
            try
            {
                names[(int)i] = Utf8(name);
            }
            finally
            {
                VerifySuccess(allocatorFree(allocator, name));
            }
        }
        return names;
    }

    /// <summary>Element type and dimensions (−1 for a symbolic dimension such as the batch N) of input or output
    /// <paramref name="index"/>; <see cref="OrtElementType.Undefined"/> and no dims for a non-tensor value.</summary>
    internal static (OrtElementType Type, long[] Dims) GetSessionIoTensorInfo(OrtSessionHandle session, int index, bool output)
    {
        using var lease = new HandleLease(session);
        nint typeInfo;
        VerifySuccess(output
            ? sessionGetOutputTypeInfo(lease.Pointer, (nuint)index, &typeInfo)
            : sessionGetInputTypeInfo(lease.Pointer, (nuint)index, &typeInfo));
        using var owner = new OrtTypeInfoHandle(typeInfo);
        var tensorInfo = CastTypeInfoToTensorInfo(typeInfo);
        return tensorInfo == 0 ? (OrtElementType.Undefined, []) : (GetElementType(tensorInfo), GetDimensions(tensorInfo));
    }

    /// <summary><c>Run</c> with caller-owned native arrays; <paramref name="outputs"/> receives new OrtValues the caller
    /// must release. <paramref name="session"/> must be leased by the caller for the duration.</summary>
    internal static void Run(
        nint session, nint* inputNames, nint* inputs, nuint inputCount, nint* outputNames, nuint outputCount, nint* outputs) =>
        VerifySuccess(run(session, 0, inputNames, inputs, inputCount, outputNames, outputCount, outputs));
}
