namespace Moderation.Onnx.Runtime.Interop;

/// <summary>OrtValue tensors, OrtMemoryInfo, and type/shape information.</summary>
internal static unsafe partial class NativeMethods
{
    private static delegate* unmanaged<OrtAllocatorType, OrtMemType, nint*, nint> createCpuMemoryInfo;
    private static delegate* unmanaged<nint, void> releaseMemoryInfo;
    private static delegate* unmanaged<nint, void*, nuint, long*, nuint, OrtElementType, nint*, nint> createTensorWithDataAsOrtValue;
    private static delegate* unmanaged<nint, void> releaseValue;
    private static delegate* unmanaged<nint, void**, nint> getTensorMutableData;
    private static delegate* unmanaged<nint, nint*, nint> getTensorTypeAndShape;
    private static delegate* unmanaged<nint, void> releaseTensorTypeAndShapeInfo;
    private static delegate* unmanaged<nint, nint*, nint> castTypeInfoToTensorInfo;
    private static delegate* unmanaged<nint, OrtElementType*, nint> getTensorElementType;
    private static delegate* unmanaged<nint, nuint*, nint> getDimensionsCount;
    private static delegate* unmanaged<nint, long*, nuint, nint> getDimensions;
    private static delegate* unmanaged<nint, void> releaseTypeInfo;

    private static void LoadValueFunctions(nint* api)
    {
        createCpuMemoryInfo = (delegate* unmanaged<OrtAllocatorType, OrtMemType, nint*, nint>)api[OrtApiSlot.CreateCpuMemoryInfo];
        releaseMemoryInfo = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseMemoryInfo];
        createTensorWithDataAsOrtValue =
            (delegate* unmanaged<nint, void*, nuint, long*, nuint, OrtElementType, nint*, nint>)api[OrtApiSlot.CreateTensorWithDataAsOrtValue];
        releaseValue = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseValue];
        getTensorMutableData = (delegate* unmanaged<nint, void**, nint>)api[OrtApiSlot.GetTensorMutableData];
        getTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)api[OrtApiSlot.GetTensorTypeAndShape];
        releaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseTensorTypeAndShapeInfo];
        castTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)api[OrtApiSlot.CastTypeInfoToTensorInfo];
        getTensorElementType = (delegate* unmanaged<nint, OrtElementType*, nint>)api[OrtApiSlot.GetTensorElementType];
        getDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)api[OrtApiSlot.GetDimensionsCount];
        getDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)api[OrtApiSlot.GetDimensions];
        releaseTypeInfo = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseTypeInfo];
    }

    /// <summary><c>CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault)</c>: describes plain CPU memory.</summary>
    internal static OrtMemoryInfoHandle CreateCpuMemoryInfo()
    {
        EnsureInitialized();
        nint info;
        VerifySuccess(createCpuMemoryInfo(OrtAllocatorType.Arena, OrtMemType.Default, &info));
        return new OrtMemoryInfoHandle(info);
    }

    internal static void ReleaseMemoryInfo(nint info) => releaseMemoryInfo(info);

    /// <summary><c>CreateTensorWithDataAsOrtValue</c>: a float32 tensor over caller-owned memory (no copy); the memory
    /// must stay pinned and alive until the value is released. <paramref name="memoryInfo"/> is a leased pointer.</summary>
    internal static OrtValueHandle CreateFloatTensor(nint memoryInfo, float* data, long elementCount, ReadOnlySpan<long> shape)
    {
        nint value;
        fixed (long* dims = shape)
        {
            VerifySuccess(createTensorWithDataAsOrtValue(memoryInfo, data, (nuint)(elementCount * sizeof(float)),
                dims, (nuint)shape.Length, OrtElementType.Float, &value));
        }
        return new OrtValueHandle(value);
    }

    internal static void ReleaseValue(nint value) => releaseValue(value);

    /// <summary>Shape of a float32 tensor value and a pointer to its data (owned by the value).</summary>
    /// <exception cref="OnnxRuntimeException">The value is not a float32 tensor.</exception>
    internal static (long[] Shape, nint Data) GetFloatTensorData(nint value)
    {
        nint info;
        VerifySuccess(getTensorTypeAndShape(value, &info));
        using var owner = new OrtTensorTypeAndShapeInfoHandle(info);
        var type = GetElementType(info);
        var shape = GetDimensions(info);
        if (type != OrtElementType.Float)
            throw new OnnxRuntimeException(OnnxRuntimeErrorCode.InvalidArgument, $"expected a float32 tensor, got element type {(int)type}");
        void* data;
        VerifySuccess(getTensorMutableData(value, &data));
        return (shape, (nint)data);
    }

    internal static void ReleaseTensorTypeAndShapeInfo(nint info) => releaseTensorTypeAndShapeInfo(info);

    internal static void ReleaseTypeInfo(nint typeInfo) => releaseTypeInfo(typeInfo);

    /// <summary>The tensor view of a type info (owned by it), or 0 when the value is not a tensor.</summary>
    private static nint CastTypeInfoToTensorInfo(nint typeInfo)
    {
        nint tensorInfo;
        VerifySuccess(castTypeInfoToTensorInfo(typeInfo, &tensorInfo));
        return tensorInfo;
    }

    private static OrtElementType GetElementType(nint tensorInfo)
    {
        OrtElementType type;
        VerifySuccess(getTensorElementType(tensorInfo, &type));
        return type;
    }

    private static long[] GetDimensions(nint tensorInfo)
    {
        nuint rank;
        VerifySuccess(getDimensionsCount(tensorInfo, &rank));
        var dims = new long[(int)rank];
        fixed (long* p = dims) VerifySuccess(getDimensions(tensorInfo, p, rank));
        return dims;
    }
}
