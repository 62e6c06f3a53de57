//! A minimal PNG encoder (8-bit grayscale + alpha, stored deflate blocks) for
//! the demo community's handwritten-looking signatures. Real signatures come
//! from the signature pad as PNGs already.

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// Encodes `width × height` pixels of (gray, alpha) as a PNG.
pub fn encode_gray_alpha(width: u32, height: u32, pixels: &[[u8; 2]]) -> Vec<u8> {
    let mut raw = Vec::with_capacity((width as usize * 2 + 1) * height as usize);
    for row in pixels.chunks(width as usize) {
        raw.push(0); // filter: none
        for p in row {
            raw.extend_from_slice(p);
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 4, 0, 0, 0]); // 8-bit, gray+alpha
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A deterministic scribble that looks like a signature, seeded by `seed`.
pub fn scribble(seed: &str, width: u32, height: u32) -> Vec<u8> {
    let mut px = vec![[0u8, 0u8]; (width * height) as usize];
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    let mut rnd = move || {
        h ^= h << 13;
        h ^= h >> 7;
        h ^= h << 17;
        (h % 1000) as f32 / 1000.0
    };
    let strokes = 3 + (rnd() * 3.0) as usize;
    let mut x = width as f32 * 0.08;
    let mid = height as f32 / 2.0;
    for _ in 0..strokes {
        let len = width as f32 * (0.15 + rnd() * 0.2);
        let amp = height as f32 * (0.15 + rnd() * 0.25);
        let freq = 2.0 + rnd() * 4.0;
        let phase = rnd() * std::f32::consts::TAU;
        let steps = (len * 3.0) as usize;
        for s in 0..steps {
            let t = s as f32 / steps as f32;
            let px_x = x + t * len;
            let px_y = mid + amp * (t * freq + phase).sin() * (1.0 - 0.5 * t);
            for dx in -1i32..=1 {
                for dy in -1i32..=1 {
                    let (cx, cy) = (px_x as i32 + dx, px_y as i32 + dy);
                    if cx >= 0 && cy >= 0 && (cx as u32) < width && (cy as u32) < height {
                        px[(cy as u32 * width + cx as u32) as usize] = [20, 255];
                    }
                }
            }
        }
        x += len * 0.9;
        if x > width as f32 * 0.9 {
            break;
        }
    }
    encode_gray_alpha(width, height, &px)
}
