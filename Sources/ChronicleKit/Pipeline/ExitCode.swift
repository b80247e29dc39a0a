/// Process exit codes, following BSD `sysexits.h` so cron wrappers can tell failures apart.
public enum ChronicleExitCode: Int32, Sendable {
    case success = 0
    case usage = 64
    case dataError = 65
    case inputMissing = 66
    case cannotCreateOutput = 73
    case ioError = 74
    case locked = 75
    case badConfig = 78

    /// The exit code for an error thrown by the library.
    public static func forError(_ error: Error) -> ChronicleExitCode {
        switch error {
        case is ConfigError: return .badConfig
        case is InputError: return .inputMissing
        case let lock as RunLockError:
            if case .held = lock { return .locked }
            return .cannotCreateOutput
        case let store as StoreError:
            // A store shared with another output, or two stores for one, is a configuration
            // mistake, not a disk fault.
            switch store {
            case .belongsToAnotherOutput, .foundInTwoPlaces: return .badConfig
            default: return .ioError
            }
        case let output as OutputError:
            if case .cannotCreateDirectory = output { return .cannotCreateOutput }
            return .ioError
        default: return .ioError
        }
    }
}
