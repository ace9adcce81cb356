/// Why the synthetic province could not be written.
public enum SynthError: Error, Equatable, CustomStringConvertible {
    case tooFewPersons(Int)
    case tooManyPersons(Int)
    case cannotCreateFolder(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noGB18030
    case cannotEncode(path: String)
    case unknownProvince(String)

    public var description: String {
        switch self {
        case .tooFewPersons(let n):
            return "--persons \(n) is too small: at least \(SynthOptions.personsRange.lowerBound) persons are needed to give each of the 88 counties a few villages."
        case .tooManyPersons(let n):
            return "--persons \(n) is too large: at most \(SynthOptions.personsRange.upperBound) persons (the real province has about 17 million)."
        case .cannotCreateFolder(let path, let reason):
            return "\(path): cannot create the output folder (\(reason)). Check the path and its permissions."
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the file (\(reason)). Check the folder's permissions and that the disk is not full."
        case .noGB18030:
            return "this machine's iconv cannot convert to GB18030; use --encoding utf8, or install the glibc locale data (package libc-bin / locales)."
        case .unknownProvince(let code):
            return "--provinces: \(code) is not the 2-digit code of a province with counties in reference/gbt2260/counties.csv (52 is Guizhou, 53 Yunnan)."
        case .cannotEncode(let path):
            return "\(path): the generated text could not be converted to GB18030. This is a bug in the generator; please report it with the command line used."
        }
    }
}
