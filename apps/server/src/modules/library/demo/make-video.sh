#!/bin/sh
# Makes the demo video (about 10 s, 320x180, H.264, faststart) and its poster. Needs ffmpeg only
# here, once; the app never runs ffmpeg. Run from this folder: sh make-video.sh
set -e
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ffmpeg -y -f lavfi -i "color=c=0x1f4e79:s=320x180:d=10:r=15" \
  -vf "drawtext=fontfile=$FONT:text='Tiếp nhận hồ sơ':fontcolor=white:fontsize=20:x=(w-text_w)/2:y=40:enable='between(t,0,3.4)',\
drawtext=fontfile=$FONT:text='Kiểm tra thành phần':fontcolor=white:fontsize=20:x=(w-text_w)/2:y=40:enable='between(t,3.4,6.7)',\
drawtext=fontfile=$FONT:text='Trả kết quả đúng hẹn':fontcolor=white:fontsize=20:x=(w-text_w)/2:y=40:enable='between(t,6.7,10)',\
drawbox=x=20:y=120:w=280*t/10:h=12:color=0xf2c94c:t=fill,\
drawtext=fontfile=$FONT:text='%{eif\:t\:d} giây':fontcolor=white:fontsize=14:x=20:y=145" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 30 -movflags +faststart -an demo-video.mp4
ffmpeg -y -ss 5 -i demo-video.mp4 -frames:v 1 demo-poster.png
ls -l demo-video.mp4 demo-poster.png
