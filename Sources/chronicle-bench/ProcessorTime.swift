import Foundation

/// Processor time used by this process so far (user and system, all threads), in seconds. On a
/// machine shared with other work it grows only while the process runs, so articles per
/// processor-second stay comparable when the wall clock does not.
enum ProcessorTime {
    static func seconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        #endif
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
}
