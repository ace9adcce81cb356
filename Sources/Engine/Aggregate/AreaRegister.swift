import Ingest

/// The counties and villages that the areas of a result are made of, as plain
/// values: what `regions.csv` and `villages.csv` accepted. A run reads it from
/// its feeds; `merge` reads it from the shards' partials.
public struct AreaRegister: Sendable, Equatable {
    /// One county of `regions.csv`.
    public struct County: Sendable, Equatable {
        public let code: Int64
        public let name: String
        public let prefectureCode: Int64
        public let prefectureName: String
        /// Ids of the pipeline's county groups it belongs to (its flag column holds 1).
        public let groups: [String]

        public init(code: Int64, name: String, prefectureCode: Int64, prefectureName: String, groups: [String]) {
            self.code = code
            self.name = name
            self.prefectureCode = prefectureCode
            self.prefectureName = prefectureName
            self.groups = groups
        }
    }

    /// One village of `villages.csv`.
    public struct Village: Sendable, Equatable {
        public let code: Int64
        public let name: String
        public let townshipCode: Int64
        public let townshipName: String
        public let countyCode: Int64

        public init(code: Int64, name: String, townshipCode: Int64, townshipName: String, countyCode: Int64) {
            self.code = code
            self.name = name
            self.townshipCode = townshipCode
            self.townshipName = townshipName
            self.countyCode = countyCode
        }
    }

    /// In any order (areas are ordered by code); codes are unique.
    public var counties: [County]
    public var villages: [Village]

    public init(counties: [County], villages: [Village]) {
        self.counties = counties
        self.villages = villages
    }

    /// The accepted rows of `regions.csv` and `villages.csv`, villages in table row order.
    public init(ingest: IngestResult, definition: PipelineDefinition) {
        let regions = ingest.table(.regions)
        let villages = ingest.table(.villages)
        let prefectureCodes = regions[Regions.prefectureCode], prefectureNames = regions[Regions.prefectureName]
        let countyCodes = regions[Regions.countyCode], countyNames = regions[Regions.countyName]
        var countyGroups = [[String]](repeating: [], count: regions.rowCount)
        for group in definition.groups.sorted(by: { $0.id < $1.id }) {
            // The group's flag column of regions.csv (checked to be a flag when the pipeline was read).
            guard let index = regions.schema.index(of: group.countyFlag), case .uint8(let flags) = regions.columns[index] else {
                continue
            }
            for row in 0..<regions.rowCount where flags[row] == 1 { countyGroups[row].append(group.id) }
        }
        counties = (0..<regions.rowCount).map {
            County(code: countyCodes[$0], name: countyNames[$0], prefectureCode: prefectureCodes[$0],
                   prefectureName: prefectureNames[$0], groups: countyGroups[$0])
        }
        let villageCodes = villages[Villages.villageCode], villageNames = villages[Villages.villageName]
        let townshipCodes = villages[Villages.townshipCode], townshipNames = villages[Villages.townshipName]
        let villageCounty = villages[Villages.countyCode]
        self.villages = (0..<villages.rowCount).map {
            Village(code: villageCodes[$0], name: villageNames[$0], townshipCode: townshipCodes[$0],
                    townshipName: townshipNames[$0], countyCode: countyCodes[Int(villageCounty[$0])])
        }
    }
}
