/// The stages of a run as the table shows a night's time: its laps (`PhaseResult.Lap`) grouped
/// by what they do, whatever path the run took (summaries or records, chronology built or kept).
enum NightStage: String, CaseIterable, Codable, Sendable {
    case scan
    case extraction
    case chronology
    case reports

    /// The table's row label.
    var label: String {
        switch self {
        case .scan: return "scan, store state, survey"
        case .extraction: return "read stored and extract"
        case .chronology: return "chronology"
        case .reports: return "reports and store commit"
        }
    }

    /// The stage a lap belongs to, by its name; nil for a lap of none.
    init?(lap name: String) {
        if name.hasPrefix("scan") {
            self = .scan
        } else if Figures.extractionLaps.contains(name) {
            self = .extraction
        } else if name.contains("chronology") {
            self = .chronology
        } else if name.hasPrefix("reports") || name == "store commit" {
            self = .reports
        } else {
            return nil
        }
    }

    /// The seconds of a phase's laps in this stage; nil when the phase has none.
    func seconds(of phase: PhaseResult) -> Double? {
        let laps = (phase.laps ?? []).filter { NightStage(lap: $0.name) == self }
        return laps.isEmpty ? nil : laps.reduce(0) { $0 + $1.seconds }
    }
}
