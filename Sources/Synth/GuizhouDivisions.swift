/// Guizhou's county-level divisions: the 88 real counties, districts and
/// county-level cities with their prefectures, and the 20 national key
/// counties for rural-revitalisation assistance (国家乡村振兴重点帮扶县).
///
/// Source: National Bureau of Statistics 2023 统计用区划代码 (as of 2023-06-30,
/// published 2023-09-11), codes starting with 52; key counties from the
/// 2021-08-27 list of 中央农村工作领导小组办公室 and 国家乡村振兴局 (160 counties,
/// 20 in Guizhou). Only the codes and names are real: every person, household
/// and figure the generator writes is synthetic.
enum GuizhouDivisions {
    /// The counties in NBS code order.
    static let counties: [County] = [
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520102, name: "南明区", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520103, name: "云岩区", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520111, name: "花溪区", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520112, name: "乌当区", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520113, name: "白云区", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520115, name: "观山湖区", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520121, name: "开阳县", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520122, name: "息烽县", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520123, name: "修文县", isKey: false),
        County(prefectureCode: 520100, prefectureName: "贵阳市", code: 520181, name: "清镇市", isKey: false),
        County(prefectureCode: 520200, prefectureName: "六盘水市", code: 520201, name: "钟山区", isKey: false),
        County(prefectureCode: 520200, prefectureName: "六盘水市", code: 520203, name: "六枝特区", isKey: false),
        County(prefectureCode: 520200, prefectureName: "六盘水市", code: 520204, name: "水城区", isKey: true),
        County(prefectureCode: 520200, prefectureName: "六盘水市", code: 520281, name: "盘州市", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520302, name: "红花岗区", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520303, name: "汇川区", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520304, name: "播州区", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520322, name: "桐梓县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520323, name: "绥阳县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520324, name: "正安县", isKey: true),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520325, name: "道真仡佬族苗族自治县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520326, name: "务川仡佬族苗族自治县", isKey: true),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520327, name: "凤冈县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520328, name: "湄潭县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520329, name: "余庆县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520330, name: "习水县", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520381, name: "赤水市", isKey: false),
        County(prefectureCode: 520300, prefectureName: "遵义市", code: 520382, name: "仁怀市", isKey: false),
        County(prefectureCode: 520400, prefectureName: "安顺市", code: 520402, name: "西秀区", isKey: false),
        County(prefectureCode: 520400, prefectureName: "安顺市", code: 520403, name: "平坝区", isKey: false),
        County(prefectureCode: 520400, prefectureName: "安顺市", code: 520422, name: "普定县", isKey: false),
        County(prefectureCode: 520400, prefectureName: "安顺市", code: 520423, name: "镇宁布依族苗族自治县", isKey: false),
        County(prefectureCode: 520400, prefectureName: "安顺市", code: 520424, name: "关岭布依族苗族自治县", isKey: true),
        County(prefectureCode: 520400, prefectureName: "安顺市", code: 520425, name: "紫云苗族布依族自治县", isKey: true),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520502, name: "七星关区", isKey: false),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520521, name: "大方县", isKey: false),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520523, name: "金沙县", isKey: false),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520524, name: "织金县", isKey: true),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520525, name: "纳雍县", isKey: true),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520526, name: "威宁彝族回族苗族自治县", isKey: true),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520527, name: "赫章县", isKey: true),
        County(prefectureCode: 520500, prefectureName: "毕节市", code: 520581, name: "黔西市", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520602, name: "碧江区", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520603, name: "万山区", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520621, name: "江口县", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520622, name: "玉屏侗族自治县", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520623, name: "石阡县", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520624, name: "思南县", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520625, name: "印江土家族苗族自治县", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520626, name: "德江县", isKey: false),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520627, name: "沿河土家族自治县", isKey: true),
        County(prefectureCode: 520600, prefectureName: "铜仁市", code: 520628, name: "松桃苗族自治县", isKey: true),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522301, name: "兴义市", isKey: false),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522302, name: "兴仁市", isKey: false),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522323, name: "普安县", isKey: false),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522324, name: "晴隆县", isKey: true),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522325, name: "贞丰县", isKey: false),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522326, name: "望谟县", isKey: true),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522327, name: "册亨县", isKey: true),
        County(prefectureCode: 522300, prefectureName: "黔西南布依族苗族自治州", code: 522328, name: "安龙县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522601, name: "凯里市", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522622, name: "黄平县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522623, name: "施秉县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522624, name: "三穗县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522625, name: "镇远县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522626, name: "岑巩县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522627, name: "天柱县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522628, name: "锦屏县", isKey: true),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522629, name: "剑河县", isKey: true),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522630, name: "台江县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522631, name: "黎平县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522632, name: "榕江县", isKey: true),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522633, name: "从江县", isKey: true),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522634, name: "雷山县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522635, name: "麻江县", isKey: false),
        County(prefectureCode: 522600, prefectureName: "黔东南苗族侗族自治州", code: 522636, name: "丹寨县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522701, name: "都匀市", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522702, name: "福泉市", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522722, name: "荔波县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522723, name: "贵定县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522725, name: "瓮安县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522726, name: "独山县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522727, name: "平塘县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522728, name: "罗甸县", isKey: true),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522729, name: "长顺县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522730, name: "龙里县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522731, name: "惠水县", isKey: false),
        County(prefectureCode: 522700, prefectureName: "黔南布依族苗族自治州", code: 522732, name: "三都水族自治县", isKey: true),
    ]
}

/// One county-level division.
struct County: Sendable {
    let prefectureCode: Int
    let prefectureName: String
    /// The 6-digit GB/T 2260 code.
    let code: Int
    let name: String
    /// A national key county for rural-revitalisation assistance.
    let isKey: Bool
}
