namespace Moderation.Onnx.Runtime.Interop;

/// <summary><c>OrtLoggingLevel</c>.</summary>
internal enum OrtLoggingLevel
{
    Verbose = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}

/// <summary><c>ONNXTensorElementDataType</c> (the values of ONNX <c>TensorProto.DataType</c>); only those we use.</summary>
internal enum OrtElementType
{
    Undefined = 0,
    Float = 1,
}

/// <summary><c>OrtAllocatorType</c>.</summary>
internal enum OrtAllocatorType
{
    Device = 0,
    Arena = 1,
}

/// <summary><c>OrtMemType</c>.</summary>
internal enum OrtMemType
{
    Default = 0,
}
