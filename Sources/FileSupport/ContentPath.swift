/// Paths as essays and models write them (`data/weekly.csv`, `../models/team.scenario`,
/// `/models/infra.scenario`), resolved against the content folder. Shared by data files and
/// model files, so both follow one rule and neither can climb out of the folder.
public enum ContentPath {
    /// The path relative to the content folder, or nil when it climbs out of it. A leading `/`
    /// starts at the content folder; anything else is relative to `folder`.
    public static func resolve(_ path: String, from folder: String) -> String? {
        var parts = path.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// The folder of a path relative to the content folder ("" at the top).
    public static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }
}
