internal import CLibCrypto

/// SHA-256 from the system's libcrypto (OpenSSL's EVP interface), fed in pieces.
///
/// Only this file sees the C library; callers get bytes.
struct SHA256: ~Copyable {
    private let context: OpaquePointer?

    init() {
        context = EVP_MD_CTX_new()
        // EVP_sha256 is built into libcrypto: initialisation fails only when allocation did
        if let context { EVP_DigestInit_ex(context, EVP_sha256(), nil) }
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `data` to the hash.
    mutating func update(data: some Collection<UInt8>) {
        let contiguous: Bool? = data.withContiguousStorageIfAvailable { buffer in
            _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
            return true
        }
        if contiguous == nil {
            let bytes = Array(data)
            bytes.withUnsafeBufferPointer { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        }
    }

    /// The 32-byte digest of everything added so far.
    consuming func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        digest.withUnsafeMutableBufferPointer { _ = EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        return digest
    }

    /// The digest of `data`.
    static func hash(data: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: data)
        return hasher.finalize()
    }
}
