namespace Moderation.Onnx.Runtime.Interop;

/// <summary>
/// Zero-based positions of the functions we call in <c>struct OrtApi</c> (onnxruntime_c_api.h). The struct is a table
/// of function pointers that only grows at the end, so these indices hold for every API version ≥ the one that added
/// the entry (all of these exist since API 13 or earlier). Counted from the 1.29 header (425 entries) and verified by
/// the tests, which call each one and check its result.
/// </summary>
internal static class OrtApiSlot
{
    internal const int GetErrorCode = 1;
    internal const int GetErrorMessage = 2;
    internal const int CreateEnv = 3;
    internal const int CreateSession = 7;
    internal const int Run = 9;
    internal const int CreateSessionOptions = 10;
    internal const int SetIntraOpNumThreads = 24;
    internal const int SetInterOpNumThreads = 25;
    internal const int SessionGetInputCount = 30;
    internal const int SessionGetOutputCount = 31;
    internal const int SessionGetInputTypeInfo = 33;
    internal const int SessionGetOutputTypeInfo = 34;
    internal const int SessionGetInputName = 36;
    internal const int SessionGetOutputName = 37;
    internal const int CreateTensorWithDataAsOrtValue = 49;
    internal const int GetTensorMutableData = 51;
    internal const int CastTypeInfoToTensorInfo = 55;
    internal const int GetTensorElementType = 60;
    internal const int GetDimensionsCount = 61;
    internal const int GetDimensions = 62;
    internal const int GetTensorTypeAndShape = 65;
    internal const int CreateCpuMemoryInfo = 69;
    internal const int AllocatorFree = 76;
    internal const int GetAllocatorWithDefaultOptions = 78;
    internal const int ReleaseEnv = 92;
    internal const int ReleaseStatus = 93;
    internal const int ReleaseMemoryInfo = 94;
    internal const int ReleaseSession = 95;
    internal const int ReleaseValue = 96;
    internal const int ReleaseTypeInfo = 98;
    internal const int ReleaseTensorTypeAndShapeInfo = 99;
    internal const int ReleaseSessionOptions = 100;
    internal const int GetAvailableProviders = 125;
    internal const int ReleaseAvailableProviders = 126;
    internal const int SessionOptionsAppendExecutionProviderCudaV2 = 204;
    internal const int CreateCudaProviderOptions = 205;
    internal const int UpdateCudaProviderOptions = 206;
    internal const int ReleaseCudaProviderOptions = 208;
}
