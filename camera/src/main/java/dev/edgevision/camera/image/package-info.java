/** Still images and folders of images as frame sources, decoded with ImageIO. */
package dev.edgevision.camera.image;
