import EarlyWarning
import Engine
import Foundation
import Warehouse

/// A caseworker's look-up of one household's history (`bottomline household`):
/// the ID is hashed with the household key — there is no other way in — and
/// the key is only read, never created.
public enum HouseholdLookup {
    /// The key file's path: `keyFile` when given, else the environment variable, else the pipeline's `key_file`.
    public static func keyPath(keyFile: String?, pipeline: String) -> String? {
        if let keyFile { return keyFile }
        let named = try? PipelineFile.load(path: pipeline).earlyWarning?.keyFile
        return HouseholdKey.path(pipelineKeyFile: named ?? nil, pipelinePath: pipeline)
    }

    /// The household's validity intervals, oldest first.
    /// - Throws: `HouseholdKeyError` without a readable key; a `NightFailure`-like message for a malformed ID.
    public static func history(warehouse: Warehouse, householdID: String, keyPath: String?) throws -> [HouseholdHistoryRow] {
        guard let keyPath else {
            throw HouseholdKeyError(description: "error: no household key: give --key-file, set "
                + "\(HouseholdKey.environmentVariable), or name early_warning.key_file in the pipeline")
        }
        let key = try HouseholdKey.load(path: keyPath)
        guard householdID.utf8.count == 16, householdID.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let number = Int64(householdID) else {
            throw HouseholdKeyError(description: "error: --id must be a 16-digit household ID (village code + 4 digits)")
        }
        return try warehouse.householdHistory(key.hash(number))
    }
}
