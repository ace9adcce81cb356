/// `regions.csv` (province): the counties and their prefectures.
public enum Regions {
    public static let prefectureCode = FeedColumn.code("prefecture_code", width: 6)
    public static let prefectureName = FeedColumn.text("prefecture_name")
    public static let countyCode = FeedColumn.code("county_code", width: 6)
    public static let countyName = FeedColumn.text("county_name")
    /// 0/1: national key county for rural-revitalisation assistance (国家乡村振兴重点帮扶县).
    public static let keyCounty = FeedColumn.flag("key_county")

    static let schema = FeedSchema(
        feed: .regions,
        fields: [prefectureCode.field, prefectureName.field, countyCode.field, countyName.field, keyCounty.field],
        key: [countyCode.field], defines: .county)
}
