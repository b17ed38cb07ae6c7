namespace Moderation.Onnx.Runtime;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c> (onnxruntime_c_api.h / onnxruntime_error_code.h), same numbering.</summary>
public enum OnnxRuntimeErrorCode
{
    /// <summary>ORT_OK: success.</summary>
    Ok = 0,
    /// <summary>ORT_FAIL: generic failure; the message has the detail.</summary>
    Fail = 1,
    /// <summary>ORT_INVALID_ARGUMENT: a bad argument, shape or configuration.</summary>
    InvalidArgument = 2,
    /// <summary>ORT_NO_SUCHFILE: a file (e.g. the model) does not exist.</summary>
    NoSuchFile = 3,
    /// <summary>ORT_NO_MODEL: legacy, kept for ABI compatibility.</summary>
    NoModel = 4,
    /// <summary>ORT_ENGINE_ERROR: an accelerator or backend failed.</summary>
    EngineError = 5,
    /// <summary>ORT_RUNTIME_EXCEPTION: a runtime exception was caught inside ONNX Runtime.</summary>
    RuntimeException = 6,
    /// <summary>ORT_INVALID_PROTOBUF: the model file is not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,
    /// <summary>ORT_MODEL_LOADED: the session is in the wrong state for the call.</summary>
    ModelLoaded = 8,
    /// <summary>ORT_NOT_IMPLEMENTED: not available in this build.</summary>
    NotImplemented = 9,
    /// <summary>ORT_INVALID_GRAPH: the graph is structurally invalid.</summary>
    InvalidGraph = 10,
    /// <summary>ORT_EP_FAIL: an execution provider failed.</summary>
    EpFail = 11,
    /// <summary>ORT_MODEL_LOAD_CANCELED: loading was cancelled by the caller.</summary>
    ModelLoadCanceled = 12,
    /// <summary>ORT_MODEL_REQUIRES_COMPILATION: the model needs EP compilation, which is disabled.</summary>
    ModelRequiresCompilation = 13,
    /// <summary>ORT_NOT_FOUND: a requested item was not found.</summary>
    NotFound = 14,
    /// <summary>ORT_DEVICE_RESET: the device was reset.</summary>
    DeviceReset = 15,
}
