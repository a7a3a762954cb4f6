/** A QR code of a link, drawn as SVG by the qrcode package and shown as an image whose text alternative names the link. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export interface QrCodeProps {
  readonly value: string;
  readonly alt: string;
}

export function QrCode({ value, alt }: QrCodeProps) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => current && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => current && setSrc(null),
    );
    return () => {
      current = false;
    };
  }, [value]);

  return src ? <img className="qr-code" src={src} alt={alt} width={180} height={180} /> : <span className="qr-code placeholder" />;
}
