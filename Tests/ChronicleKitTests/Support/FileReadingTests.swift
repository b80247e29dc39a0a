import Foundation
import Testing

@testable import ChronicleKit

/// Article files are read on more threads than cores, large ones by no more at once than the
/// gate's slots.
@Suite struct FileReadingTests {
    @Test func theThreadsAreMoreThanTheCores() {
        #expect(FileReading.threads >= 2 * ProcessInfo.processInfo.activeProcessorCount || FileReading.threads == 32)
    }

    @Test func largeFilesPassTheGateTwoAtATime() {
        let gate = FileReading.Gate(slots: 2)
        let inside = Counter(), most = Counter()
        // Unlisted, small and large files in turn.
        let large = FileReading.largeFileBytes
        let sizes: [Int64?] = (0..<64).map { (index: Int) -> Int64? in
            switch index % 4 {
            case 0: return nil
            case 2: return 100
            default: return large + Int64(index)
            }
        }
        let read = sizes.parallelMap(chunk: 1, threads: 8) { size -> Bool in
            gate.reading(size: size) {
                if let size, size >= large {
                    inside.add(1)
                    most.raise(to: inside.value)
                    Thread.sleep(forTimeInterval: 0.002)
                    inside.add(-1)
                }
                return true
            }
        }
        #expect(read.allSatisfy { $0 })
        #expect(most.value >= 1 && most.value <= 2)
    }
}
