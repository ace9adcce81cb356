/// Plausible township and village names, made of two syllables common in
/// Guizhou place names (龙场镇, 石坝村, …). The names are synthetic.
enum PlaceNames {
    static let firstSyllables: [String] = Array(
        "龙石青花白黄红新大小马牛羊平高安长金银云水松竹桃杨柳茶岩麦谷凤鸡鹿乐沙猫溪关双三两九八星德兴仁和太永丰盘清草洛都普鱼鸭梅兰枫樟桂"
    ).map(String.init)
    static let secondSyllables: [String] = Array(
        "场坝坪溪寨岩山田冲河关口堡营江洞桥湾塘井坡庄林阳水台哨屯坳沟头湖旗"
    ).map(String.init)

    /// A two-syllable stem not in `taken`; adds it to `taken`.
    static func stem(_ random: inout RandomStream, avoiding taken: inout Set<String>) -> String {
        while true {
            let stem = firstSyllables[random.below(firstSyllables.count)] + secondSyllables[random.below(secondSyllables.count)]
            if taken.insert(stem).inserted || taken.count >= firstSyllables.count * secondSyllables.count { return stem }
        }
    }
}
