import Foundation

/// A failure of the operating system (disk full, name too long, no
/// permission, …) in words a statistician can act on, instead of a raw
/// `NSCocoaErrorDomain` dump.
public enum SystemErrorText {
    /// What went wrong and what to do, for an error thrown by Foundation or a system call.
    /// Errors of bottomline's own (already in plain words) are returned as they describe themselves.
    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else { return "\(error)" }
        if let code = posixCode(of: error) { return describe(errno: code) }
        if let text = cocoaText[nsError.code] { return text }
        return "the system refused the file operation (code \(nsError.code)); check the path, its permissions and the free disk space"
    }

    /// The words for a POSIX error number.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full; free some space and run again"
        case EDQUOT: return "the disk quota is used up; free some space and run again"
        case ENAMETOOLONG: return "the file or folder name is too long; choose a shorter path"
        case EACCES, EPERM: return "permission denied; check the folder's owner and permissions"
        case EROFS: return "the disk is read-only; choose a writable folder"
        case ENOENT: return "no such file or folder; check the path"
        case ENOTDIR: return "a part of the path is a file, not a folder; check the path"
        case EISDIR: return "this is a folder, not a file; check the path"
        case EEXIST: return "something already exists at this path"
        case EIO: return "the disk reported an input/output error; check the disk"
        case EMFILE, ENFILE: return "too many files are open; close other programs and run again"
        case ENOMEM: return "the machine ran out of memory"
        default: return String(cString: strerror(code))
        }
    }

    /// The POSIX error behind `error`, if it has one.
    static func posixCode(of error: Error) -> Int32? {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return posixCode(of: underlying) }
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying { return posixCode(of: underlying) }
        return nil
    }

    private static let cocoaText: [Int: String] = [
        CocoaError.fileWriteOutOfSpace.rawValue: "the disk is full; free some space and run again",
        CocoaError.fileWriteNoPermission.rawValue: "permission denied; check the folder's owner and permissions",
        CocoaError.fileReadNoPermission.rawValue: "permission denied; check the file's owner and permissions",
        CocoaError.fileWriteVolumeReadOnly.rawValue: "the disk is read-only; choose a writable folder",
        CocoaError.fileNoSuchFile.rawValue: "no such file or folder; check the path",
        CocoaError.fileReadNoSuchFile.rawValue: "no such file or folder; check the path",
        CocoaError.fileWriteFileExists.rawValue: "something already exists at this path",
        CocoaError.fileWriteInvalidFileName.rawValue: "the file name is not valid here (too long?); choose a shorter path",
        CocoaError.fileReadInvalidFileName.rawValue: "the file name is not valid here (too long?); choose a shorter path",
    ]
}
