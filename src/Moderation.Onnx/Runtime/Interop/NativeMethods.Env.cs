namespace Moderation.Onnx.Runtime.Interop;

/// <summary>OrtEnv (one per process) and the list of execution providers compiled into the library.</summary>
internal static unsafe partial class NativeMethods
{
    private static delegate* unmanaged<OrtLoggingLevel, byte*, nint*, nint> createEnv;
    private static delegate* unmanaged<nint, void> releaseEnv;
    private static delegate* unmanaged<byte***, int*, nint> getAvailableProviders;
    private static delegate* unmanaged<byte**, int, nint> releaseAvailableProviders;

    private static void LoadEnvFunctions(nint* api)
    {
        createEnv = (delegate* unmanaged<OrtLoggingLevel, byte*, nint*, nint>)api[OrtApiSlot.CreateEnv];
        releaseEnv = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseEnv];
        getAvailableProviders = (delegate* unmanaged<byte***, int*, nint>)api[OrtApiSlot.GetAvailableProviders];
        releaseAvailableProviders = (delegate* unmanaged<byte**, int, nint>)api[OrtApiSlot.ReleaseAvailableProviders];
    }

    /// <summary><c>CreateEnv</c>: ORT's own log lines at or above <paramref name="level"/> go to stderr.</summary>
    internal static OrtEnvHandle CreateEnv(OrtLoggingLevel level, string logId)
    {
        EnsureInitialized();
        nint env;
        fixed (byte* id = Utf8Z(logId)) VerifySuccess(createEnv(level, id, &env));
        return new OrtEnvHandle(env);
    }

    internal static void ReleaseEnv(nint env) => releaseEnv(env);

    /// <summary><c>GetAvailableProviders</c>, e.g. <c>[CPUExecutionProvider]</c>.</summary>
    internal static string[] GetAvailableProviders()
    {
        EnsureInitialized();
        byte** names;
        int count;
        VerifySuccess(getAvailableProviders(&names, &count));
        try
        {
            var result = new string[count];
            for (var i = 0; i < count; i++) result[i] = Utf8(names[i]);
            return result;
        }
        finally
        {
            VerifySuccess(releaseAvailableProviders(names, count));
        }
    }
}
