/// The version printed by `--version`; part of every cache key, so a new costmark never reuses
/// pages rendered by an old one.
public enum CostmarkVersion {
    public static let string = "0.1.0"
}
