//! The bundle's frames travel compressed with zstd, in a few zstd frames
//! of consecutive bundle frames each. The decoder hands over a zstd frame's
//! bytes once they are a window behind the last one decoded, and all of
//! them as soon as the zstd frame ends. So what a first answer needs (the
//! head and the index) is a zstd frame of its own, read whole as soon as
//! its last byte arrives, while the documents are one zstd frame whose
//! window reaches back over earlier batches, where other documents say the
//! same things: on Reuters, a tenth fewer bytes than gzip's 32 kB window.
//! The build compresses with the reference library (native only); the app
//! decompresses with a decoder written in Rust, as the bytes arrive.
//!
//! Invariant: [`Inflow`] never allocates more than [`WINDOW_BYTES`] for a
//! window, whatever a zstd frame declares, and refuses a stream it cannot
//! read with a message, never a panic.

use ruzstd::decoding::FrameDecoder;

use super::BundleError;

/// How hard the build compresses: zstd's level 10 is within 2% of level 15
/// on Reuters at a sixth of its time.
#[cfg(not(target_arch = "wasm32"))]
const LEVEL: i32 = 10;
/// How far back a match may reach: 4 MiB. The reader holds this much of
/// what it decoded, in a buffer twice as large: 8 MiB would save 1% of
/// Reuters' bytes and cost 8 MiB more memory.
const WINDOW_LOG: u32 = 22;
const WINDOW_BYTES: u64 = 1 << WINDOW_LOG;
/// The longest header a zstd frame can have: the reader waits for this
/// many bytes, or the end of the bundle, before reading one.
const MAX_HEADER_BYTES: usize = 18;
/// How many decompressed bytes one step of [`Inflow::push`] makes room for.
const STEP_BYTES: usize = 1 << 16;

/// How much of a zstd frame one of the build's threads compresses: a
/// frame of the documents is cut into jobs of this size, which the
/// machine's cores compress at once (on Reuters, 0.44 s on two cores
/// against 0.77 s on one, for 0.4% more bytes). The bytes written depend
/// on the job size, not on how many cores there are.
#[cfg(not(target_arch = "wasm32"))]
const JOB_BYTES: u32 = 8 << 20;

/// Compresses `group` as one zstd frame (none if it is empty).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn compress(group: &[u8]) -> Vec<u8> {
    use zstd::zstd_safe::CParameter;
    let failed = "compressing bytes in memory cannot fail";
    if group.is_empty() {
        return Vec::new();
    }
    let cores = corpus_model::cores::cores();
    let mut compressor = zstd::bulk::Compressor::new(LEVEL).expect(failed);
    [
        CParameter::WindowLog(WINDOW_LOG),
        CParameter::NbWorkers(cores as u32),
        CParameter::JobSize(JOB_BYTES),
    ]
    .into_iter()
    .for_each(|parameter| compressor.set_parameter(parameter).expect(failed));
    compressor.compress(group).expect(failed)
}

/// Decompresses the stream as its bytes arrive.
pub(super) struct Inflow {
    decoder: FrameDecoder,
    /// Whether the header of the zstd frame being read has been read.
    started: bool,
    /// Compressed bytes received and not yet decoded: part of a block, or
    /// of the next zstd frame's header.
    input: Vec<u8>,
    /// Where the decoder leaves the bytes it makes, [`STEP_BYTES`] long
    /// once used.
    scratch: Vec<u8>,
}

impl Default for Inflow {
    fn default() -> Self {
        let mut decoder = FrameDecoder::new();
        decoder.set_max_window_size(WINDOW_BYTES);
        Inflow {
            decoder,
            started: false,
            input: Vec::new(),
            scratch: Vec::new(),
        }
    }
}

impl Inflow {
    /// Takes the next compressed bytes and hands `take` every piece of
    /// decompressed bytes they let the decoder make, at most
    /// [`STEP_BYTES`] at a time, so that the bytes can be used up as they
    /// come.
    pub(super) fn push(
        &mut self,
        bytes: &[u8],
        take: impl FnMut(&[u8]) -> Result<(), BundleError>,
    ) -> Result<(), BundleError> {
        self.input.extend_from_slice(bytes);
        self.inflate(take, false)
    }

    /// Once every byte has been pushed: reads a last zstd frame shorter
    /// than the longest header, if there is one (bytes too few for a
    /// header stay unread).
    pub(super) fn end(
        &mut self,
        take: impl FnMut(&[u8]) -> Result<(), BundleError>,
    ) -> Result<(), BundleError> {
        self.inflate(take, true)
    }

    fn inflate(
        &mut self,
        mut take: impl FnMut(&[u8]) -> Result<(), BundleError>,
        at_end: bool,
    ) -> Result<(), BundleError> {
        let corrupt = |e: String| BundleError::Corrupt(format!("compressed stream: {e}"));
        self.scratch.resize(STEP_BYTES, 0);
        let mut at = 0;
        loop {
            let input = &self.input[at..];
            if !self.started {
                if input.is_empty() || (input.len() < MAX_HEADER_BYTES && !at_end) {
                    break;
                }
                let mut source = input;
                match self.decoder.init(&mut source) {
                    Ok(()) => {}
                    // A header cut short: left unread, for the reader to
                    // say what did not arrive.
                    Err(_) if input.len() < MAX_HEADER_BYTES => break,
                    Err(e) => return Err(corrupt(e.to_string())),
                }
                at += input.len() - source.len();
                self.started = true;
                continue;
            }
            let step = self.decoder.decode_from_to(input, &mut self.scratch);
            let (read, written) = step.map_err(|e| corrupt(e.to_string()))?;
            if read > input.len() {
                let wrong = format!("a block reads {read} bytes of {}", input.len());
                return Err(corrupt(wrong));
            }
            at += read;
            take(&self.scratch[..written])?;
            if read == 0 && written == 0 {
                match self.decoder.is_finished() && self.decoder.can_collect() == 0 {
                    true => self.started = false,
                    false => break,
                }
            }
        }
        self.input.drain(..at);
        Ok(())
    }

    /// Whether every zstd frame begun has been read to its end.
    pub(super) fn ended(&self) -> bool {
        !self.started
    }

    /// Compressed bytes received and not read.
    pub(super) fn unread(&self) -> usize {
        self.input.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<Vec<u8>> {
        let text = "The ministry said the nurses would be paid more. ".repeat(40);
        vec![
            b"head".to_vec(),
            text.into_bytes(),
            Vec::new(),
            (0..=255u8).cycle().take(70_000).collect(),
        ]
    }

    /// Each group compressed, one zstd frame after the other.
    fn compress_all(groups: &[Vec<u8>]) -> Vec<u8> {
        groups.iter().flat_map(|group| compress(group)).collect()
    }

    /// Appends a piece of decompressed bytes to `out`.
    fn into(out: &mut Vec<u8>) -> impl FnMut(&[u8]) -> Result<(), BundleError> + '_ {
        |piece| {
            out.extend_from_slice(piece);
            Ok(())
        }
    }

    fn inflate(compressed: &[u8], chunk: usize) -> Result<(Vec<u8>, Inflow), String> {
        let mut inflow = Inflow::default();
        let mut out = Vec::new();
        for piece in compressed.chunks(chunk) {
            inflow
                .push(piece, into(&mut out))
                .map_err(|e| e.to_string())?;
        }
        inflow.end(into(&mut out)).map_err(|e| e.to_string())?;
        Ok((out, inflow))
    }

    #[test]
    fn any_chunking_reads_back_every_group() {
        let groups = groups();
        let compressed = compress_all(&groups);
        assert!(compressed.len() < groups.concat().len() / 2);
        for chunk in [1, 2, 17, 18, 19, 1000, compressed.len()] {
            let (out, inflow) = inflate(&compressed, chunk).expect("reads");
            assert_eq!(out, groups.concat(), "chunks of {chunk}");
            assert!(inflow.ended());
            assert_eq!(inflow.unread(), 0);
        }
    }

    #[test]
    fn each_group_is_read_whole_once_its_last_byte_is_in() {
        let groups = groups();
        let compressed = compress_all(&groups);
        let mut inflow = Inflow::default();
        let mut out = Vec::new();
        let mut made = Vec::new();
        for byte in &compressed {
            inflow
                .push(std::slice::from_ref(byte), into(&mut out))
                .expect("reads");
            made.push(out.len());
        }
        let mut ends = Vec::new();
        for group in groups.iter().filter(|g| !g.is_empty()) {
            ends.push(ends.last().copied().unwrap_or(0) + group.len());
        }
        for end in &ends {
            let at = made.iter().position(|&m| m >= *end).expect("read");
            assert_eq!(made[at], *end, "a group ending at {end} is read alone");
            assert!(at == 0 || made[at - 1] < *end);
        }
        let head_read = made.iter().position(|&m| m >= ends[0]).expect("read");
        assert!(
            head_read < 20,
            "the first group is read at byte {head_read}"
        );
    }

    #[test]
    fn a_short_last_frame_is_read_at_the_end() {
        let compressed = compress(b"head");
        assert!(
            compressed.len() < MAX_HEADER_BYTES,
            "{} bytes",
            compressed.len()
        );
        let mut inflow = Inflow::default();
        let mut out = Vec::new();
        inflow.push(&compressed, into(&mut out)).expect("reads");
        assert!(out.is_empty(), "read before the end");
        inflow.end(into(&mut out)).expect("reads");
        assert_eq!(out, b"head");
    }

    #[test]
    fn a_header_cut_short_at_the_end_is_left_unread() {
        let groups = groups();
        let compressed = compress_all(&groups);
        let (_, first) = inflate(&compressed[..1], 1).expect("reads");
        assert!(first.unread() == 1 && first.ended());
        let whole = compress_all(&groups[..1]).len();
        let (out, inflow) = inflate(&compressed[..whole + 5], 7).expect("reads");
        assert_eq!(out, groups[0]);
        assert_eq!(inflow.unread(), 5);
    }

    #[test]
    fn damaged_streams_fail_or_read_without_panicking() {
        let compressed = compress_all(&groups());
        let mut below = crate::seeded::below(7);
        for _ in 0..2000 {
            let mut damaged = compressed.clone();
            for _ in 0..1 + below(3) {
                let at = below(damaged.len());
                damaged[at] ^= 1 << below(8);
            }
            let _ = inflate(&damaged, 1 + below(300));
        }
        for _ in 0..500 {
            let noise: Vec<u8> = (0..below(400)).map(|_| below(256) as u8).collect();
            let _ = inflate(&noise, 1 + below(50));
        }
    }

    #[test]
    fn a_window_past_the_bound_is_refused() {
        // A zstd frame's magic, a descriptor with no content size and no
        // single segment, and a window descriptor for 2^41 bytes, then an
        // empty last block.
        let header = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0xF8, 0x01, 0x00, 0x00];
        let stream = [&header[..], &[0; 12]].concat();
        let error = inflate(&stream, stream.len()).err().unwrap_or_default();
        assert!(error.contains("window"), "{error}");
        let fits = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x00, 0x01, 0x00, 0x00];
        assert!(inflate(&fits, fits.len()).is_ok(), "a 1 kB window is read");
    }
}
