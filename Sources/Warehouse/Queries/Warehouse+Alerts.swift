import Engine
import GRDB

extension Warehouse {
    /// The alerts of `date` (default: the latest date with published figures), of one county or all,
    /// by county then alert. Returns the date shown and its alerts.
    public func alerts(date: String? = nil, county: String? = nil) throws -> (date: String, alerts: [CountyAlert]) {
        try database.read { db in
            let shown: String
            if let date {
                _ = try requirePublishedRun(db, date: date)
                shown = date
            } else {
                guard let latest = try String.fetchOne(db, sql: "SELECT max(run_date) FROM published_runs") else {
                    throw WarehouseError.noPublishedRun(date: "any date", published: [])
                }
                shown = latest
            }
            return (shown, try storedAlerts(db, date: shown, county: county))
        }
    }

    func storedAlerts(_ db: Database, date: String, county: String? = nil) throws -> [CountyAlert] {
        guard try db.tableExists("alerts") else { return [] }
        let order = CountyAlert.Kind.allCases.map(\.rawValue)
        return try Row.fetchAll(db, sql: """
            SELECT * FROM alerts WHERE run_date = ? AND (? IS NULL OR county_code = ?) ORDER BY county_code, indicator
            """, arguments: [date, county, county]).compactMap { row -> CountyAlert? in
            guard let kind = CountyAlert.Kind(rawValue: row["alert"]) else { return nil }
            return CountyAlert(countyCode: row["county_code"], countyName: row["county_name"], kind: kind,
                               value: row["value"], threshold: row["threshold"], reason: row["reason"],
                               indicator: row["indicator"], perTenThousand: row["per_10000"])
        }.sorted {
            ($0.countyCode, order.firstIndex(of: $0.kind.rawValue) ?? 0, $0.indicator)
                < ($1.countyCode, order.firstIndex(of: $1.kind.rawValue) ?? 0, $1.indicator)
        }
    }
}
